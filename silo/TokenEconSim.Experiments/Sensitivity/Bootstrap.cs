using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>
/// What the Sobol and Morris analyses share: checking a design's outputs, the bootstrap resamples of its rows, and the half-width
/// z_{(1+c)/2}·sd of a bootstrapped estimate (the normal approximation SALib reports as <c>_conf</c>).
/// </summary>
internal static class Bootstrap
{
    /// <summary>Throws unless the ranges fit the design and every output of its rows is a finite number.</summary>
    public static void CheckOutputs(int parameters, int rows, IReadOnlyList<ParameterRange> ranges, ReadOnlySpan<double> outputs, int resamples,
        double confidence)
    {
        ParameterRange.Check(ranges);
        if (ranges.Count != parameters) throw new ArgumentException($"{ranges.Count} ranges for a design of {parameters} parameters");
        if (outputs.Length != rows) throw new ArgumentException($"{outputs.Length} outputs for {rows} design rows");
        foreach (var y in outputs) if (!double.IsFinite(y)) throw new ArgumentException("an output is not a finite number");
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), "between 0 and 1");
    }

    /// <summary><paramref name="resamples"/> draws, with replacement, of <paramref name="n"/> indices from a seeded stream.</summary>
    public static int[][] Resamples(int n, int resamples, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        return [.. Enumerable.Range(0, resamples).Select(_ => Enumerable.Range(0, n).Select(_ => rng.Next(n)).ToArray())];
    }

    /// <summary>z_{(1+c)/2} times the sample standard deviation of the resampled estimates.</summary>
    public static double HalfWidth(IEnumerable<double> estimates, double confidence) =>
        Normal.InvCDF(0, 1, (1 + confidence) / 2) * StandardDeviation(estimates);

    /// <summary>Sample standard deviation (n − 1), as numpy's std(ddof=1) that SALib applies to its bootstrap.</summary>
    public static double StandardDeviation(IEnumerable<double> values)
    {
        var xs = values.ToArray();
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
    }
}
