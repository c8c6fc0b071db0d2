using MathNet.Numerics.Statistics;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// Median and spread of a mode's timed runs: min–max and the interquartile range, quartiles by linear interpolation between order
/// statistics (Hyndman and Fan 1996, type 7, numpy's and R's default; MathNet's <see cref="QuantileDefinition.R7"/>).
/// </summary>
public readonly record struct BenchSpread(double Median, double Min, double Max, double Q1, double Q3)
{
    public static BenchSpread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return default;
        return new BenchSpread(Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    private static double Quantile(double[] sorted, double p) => SortedArrayStatistics.QuantileCustom(sorted, p, QuantileDefinition.R7);
}
