namespace TokenEconSim.Studies.Bench;

/// <summary>
/// Median and spread of a mode's timed runs: min–max and the interquartile range, quartiles by linear interpolation between order
/// statistics (Hyndman and Fan, "Sample quantiles in statistical packages", The American Statistician 50, 1996: their type 7).
/// </summary>
public readonly record struct BenchSpread(double Median, double Min, double Max, double Q1, double Q3)
{
    public static BenchSpread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return default;
        return new BenchSpread(Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    /// <summary>The p-quantile of ascending <paramref name="sorted"/> (0-based): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
    }
}
