using System.Globalization;
using MathNet.Numerics.Distributions;

namespace TokenEconSim.Domain.Distributions;

public enum DistributionKind { Const, Uniform, Poisson, Beta, Gamma, LogNormal, Exp }

/// <summary>
/// A scenario distribution such as <c>poisson(100)</c> or <c>gamma(2,5)</c>. Sampling goes through
/// <see cref="PoissonSampler"/>, <see cref="GammaFamilySampler"/> and MathNet.Numerics' samplers with the
/// caller's generator injected, so every draw comes from
/// the agent's own stream and nothing is allocated.
/// Parametrisations (the numpy conventions, stated once here and in docs/model.md):
/// <c>const(x)</c>; <c>uniform(a,b)</c> on [a,b); <c>poisson(λ)</c>; <c>beta(a,b)</c>;
/// <c>gamma(k,θ)</c> with shape k and <b>scale</b> θ (mean kθ); <c>lognormal(μ,σ)</c> of the
/// underlying normal (mean e^(μ+σ²/2)); <c>exp(m)</c> with <b>mean</b> m (rate 1/m).
/// </summary>
public readonly record struct Distribution(DistributionKind Kind, double A, double B = 0)
{
    public static readonly IReadOnlyList<string> Names = ["const", "uniform", "poisson", "beta", "gamma", "lognormal", "exp"];

    public double Sample(Random rng) => Kind switch
    {
        DistributionKind.Const => A,
        DistributionKind.Uniform => ContinuousUniform.Sample(rng, A, B),
        DistributionKind.Poisson => PoissonSampler.Sample(rng, A),
        DistributionKind.Beta => GammaFamilySampler.Beta(rng, A, B),
        DistributionKind.Gamma => GammaFamilySampler.Gamma(rng, A, B),
        DistributionKind.LogNormal => LogNormal.Sample(rng, A, B),
        DistributionKind.Exp => Exponential.Sample(rng, 1.0 / A),
        _ => throw new InvalidOperationException($"unknown distribution kind {Kind}"),
    };

    /// <summary>
    /// The sum of <paramref name="count"/> independent draws, each clamped at 0 (durations, amounts).
    /// Where the sum has a closed form it is drawn once, with the same distribution as the loop:
    /// Σ of k Exp(mean m) is Gamma(k, scale m) and Σ of k Gamma(s, θ) is Gamma(k·s, θ) (gamma shapes add at a
    /// common scale: the moment generating functions multiply), Σ of k Poisson(λ) is Poisson(k·λ). One draw instead of k turns a service
    /// user's epoch from ~20 logarithms into one gamma sample. The random stream differs from the
    /// loop's, the distribution does not.
    /// </summary>
    public double SampleSum(Random rng, long count)
    {
        if (count <= 0) return 0;
        switch (Kind)
        {
            case DistributionKind.Const: return count * Math.Max(0, A);
            case DistributionKind.Exp: return GammaFamilySampler.Gamma(rng, count, A);
            case DistributionKind.Gamma: return GammaFamilySampler.Gamma(rng, count * A, B);
            case DistributionKind.Poisson: return PoissonSampler.Sample(rng, count * A);
        }
        var sum = 0.0;
        for (long c = 0; c < count; c++) sum += Math.Max(0, Sample(rng));
        return sum;
    }

    /// <summary>The analytic mean.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Const => A,
        DistributionKind.Uniform => (A + B) / 2,
        DistributionKind.Poisson => A,
        DistributionKind.Beta => A / (A + B),
        DistributionKind.Gamma => A * B,
        DistributionKind.LogNormal => Math.Exp(A + B * B / 2),
        DistributionKind.Exp => A,
        _ => double.NaN,
    };

    /// <summary>True when every sample is ≥ 0 (counts, durations, hashrates, stakes).</summary>
    public bool IsNonNegative => Kind switch
    {
        DistributionKind.Const => A >= 0,
        DistributionKind.Uniform => A >= 0,
        _ => true,
    };

    /// <summary>True when every sample lies in [0, 1] (qualities, probabilities).</summary>
    public bool IsUnitInterval => Kind switch
    {
        DistributionKind.Const => A is >= 0 and <= 1,
        DistributionKind.Uniform => A >= 0 && B <= 1,
        DistributionKind.Beta => true,
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        DistributionKind.Const or DistributionKind.Poisson or DistributionKind.Exp => $"{Name(Kind)}({Fmt(A)})",
        _ => $"{Name(Kind)}({Fmt(A)},{Fmt(B)})",
    };

    private static string Name(DistributionKind kind) => Names[(int)kind];

    private static string Fmt(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses the notation; on failure <paramref name="error"/> says what is wrong and what is expected.</summary>
    public static bool TryParse(string text, out Distribution distribution, out string error)
    {
        distribution = default;
        var s = text.Trim();
        var open = s.IndexOf('(');
        if (open <= 0 || !s.EndsWith(')'))
        {
            error = $"'{text}' is not a distribution; write name(args), e.g. poisson(100), one of: {string.Join(", ", Names)}";
            return false;
        }
        var name = s[..open].Trim().ToLowerInvariant();
        var index = Names.ToList().IndexOf(name);
        if (index < 0)
        {
            error = $"unknown distribution '{name}'; known: {string.Join(", ", Names)}";
            return false;
        }
        var kind = (DistributionKind)index;
        var args = s[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        var expected = kind is DistributionKind.Const or DistributionKind.Poisson or DistributionKind.Exp ? 1 : 2;
        if (args.Length != expected || args.Any(a => a.Length == 0))
        {
            error = $"{name} takes {expected} argument{(expected == 1 ? "" : "s")}, got '{text}'";
            return false;
        }
        var values = new double[expected];
        for (var i = 0; i < expected; i++)
        {
            if (!double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = $"argument '{args[i]}' of {name} is not a finite number";
                return false;
            }
        }
        var candidate = new Distribution(kind, values[0], expected == 2 ? values[1] : 0);
        error = candidate.CheckParameters() ?? "";
        if (error.Length > 0) return false;
        distribution = candidate;
        return true;
    }

    /// <summary>Null when the parameters are valid, else the reason.</summary>
    public string? CheckParameters() => Kind switch
    {
        DistributionKind.Uniform when !(A < B) => $"uniform(a,b) needs a < b, got {this}",
        DistributionKind.Poisson when !(A > 0) => $"poisson(λ) needs λ > 0, got {this}",
        DistributionKind.Beta when !(A > 0 && B > 0) => $"beta(a,b) needs a > 0 and b > 0, got {this}",
        DistributionKind.Gamma when !(A > 0 && B > 0) => $"gamma(shape,scale) needs shape > 0 and scale > 0, got {this}",
        DistributionKind.LogNormal when !(B > 0) => $"lognormal(μ,σ) needs σ > 0, got {this}",
        DistributionKind.Exp when !(A > 0) => $"exp(mean) needs mean > 0, got {this}",
        _ => null,
    };

    public static Distribution Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);
}
