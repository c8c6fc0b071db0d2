using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>
/// The synthetic supervised task with known ground truth: binary labels y = 1[w*·x ≥ 0] of
/// features x ∈ ℝ^d, w* a unit vector drawn from (run seed, purpose). Validation features are
/// N(0, I); providers' batches are Gaussian clusters whose spread, missing values and label noise
/// follow the provider's care (docs/model.md, "Federated learning"). A pure function of
/// (settings, run seed): every shard and the barrier build the same one.
/// </summary>
public sealed class LogisticTask
{
    /// <summary>Regions are the orthants of the first min(3, d) features: up to 8 cells.</summary>
    public const int MaxRegionBits = 3;
    /// <summary>A batch's features spread with σ = MinSpread + (1 − MinSpread)·care around its centre.</summary>
    public const double MinSpread = 0.25;
    /// <summary>Batch centres c ~ N(0, CentreSpread²·I): narrower than a careful batch's spread, so spread shows in diversity.</summary>
    public const double CentreSpread = 0.5;

    private readonly double[] _truth;

    public LogisticTask(LearningSection settings, long runSeed)
    {
        Settings = settings;
        Dimensions = settings.Dimensions;
        RegionBits = Math.Min(MaxRegionBits, Dimensions);
        _truth = GroundTruth(Dimensions, runSeed);
    }

    public LearningSection Settings { get; }
    public int Dimensions { get; }
    /// <summary>Parameters of the model: d weights and a bias (last).</summary>
    public int Parameters => Dimensions + 1;
    public int RegionBits { get; }
    public int Regions => 1 << RegionBits;
    public ReadOnlySpan<double> Truth => _truth;

    /// <summary>w*: d standard normals from (run seed, ground truth), scaled to unit length.</summary>
    public static double[] GroundTruth(int dimensions, long runSeed)
    {
        var rng = Seeds.SharedRng(runSeed, 0, RngPurpose.LearningGroundTruth);
        var w = new double[dimensions];
        var norm = 0.0;
        for (var k = 0; k < dimensions; k++) { w[k] = Normal.Sample(rng, 0, 1); norm += w[k] * w[k]; }
        norm = Math.Sqrt(norm);
        for (var k = 0; k < dimensions; k++) w[k] /= norm;
        return w;
    }

    public int Label(ReadOnlySpan<double> x)
    {
        var z = 0.0;
        for (var k = 0; k < x.Length; k++) z += _truth[k] * x[k];
        return z >= 0 ? 1 : 0;
    }

    /// <summary>The orthant of the first <see cref="RegionBits"/> features (a missing value counts as 0, i.e. positive).</summary>
    public int RegionOf(ReadOnlySpan<double> x)
    {
        var region = 0;
        for (var k = 0; k < RegionBits; k++)
            if (x[k] < 0) region |= 1 << k;
        return region;
    }

    /// <summary>The held-out set: <c>validation_size</c> samples x ~ N(0, I) with clean labels, from (run seed, validation).</summary>
    public ValidationSet CreateValidationSet(long runSeed)
    {
        var rng = Seeds.SharedRng(runSeed, 0, RngPurpose.LearningValidation);
        var n = Settings.ValidationSize;
        var features = new double[n * Dimensions];
        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = features.AsSpan(i * Dimensions, Dimensions);
            for (var k = 0; k < Dimensions; k++) x[k] = Normal.Sample(rng, 0, 1);
            labels[i] = Label(x);
        }
        return new ValidationSet(Dimensions, features, labels);
    }

    /// <summary>
    /// Draws a batch into <paramref name="features"/> (Records × d, row-major, NaN = missing) and
    /// <paramref name="labels"/>: centre c ~ N(0, 0.5²·I); x = c + σ·z; each value missing with
    /// probability m·(1 − care); label 1[w*·x ≥ 0] of the complete x, replaced by the default class 0
    /// with probability ρ·(1 − care). The normals are MathNet's (<see cref="PolarNormal"/>: the same doubles, without virtual calls).
    /// </summary>
    public void Generate(BatchDescriptor batch, Xoshiro256StarStar rng, Span<double> features, Span<double> labels, Span<double> centre)
    {
        rng.Reseed(batch.Seed);
        var d = Dimensions;
        var care = Math.Clamp(batch.Care, 0, 1);
        var spread = MinSpread + (1 - MinSpread) * care;
        var missing = Settings.MaxMissingRate * (1 - care);
        var flip = Settings.MaxLabelNoise * (1 - care);
        for (var k = 0; k < d; k++) centre[k] = PolarNormal.Sample(rng, 0, CentreSpread);
        for (var i = 0; i < batch.Records; i++)
        {
            var x = features.Slice(i * d, d);
            for (var k = 0; k < d; k++) x[k] = centre[k] + spread * PolarNormal.Sample(rng, 0, 1);
            // A careless labeller falls back on the default class: one-sided noise, which biases
            // the learned boundary (symmetric flips would mostly just slow learning down).
            labels[i] = rng.NextDouble() < flip ? 0 : Label(x);
            for (var k = 0; k < d; k++)
                if (rng.NextDouble() < missing) x[k] = double.NaN;
        }
    }
}

/// <summary>The validators' held-out samples: features row-major (n × d) and 0/1 labels.</summary>
public sealed record ValidationSet(int Dimensions, double[] Features, double[] Labels)
{
    public int Count => Labels.Length;
}
