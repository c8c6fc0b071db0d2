using TokenEconSim.Experiments.Comparison;

namespace TokenEconSim.Results.Sweeps;

/// <summary>
/// comparison.csv of `silo compare`: one row per summary metric, B − A over the seeds both runs define, paired and unpaired
/// (docs/sweeps.md, "Paired comparison"). Sweep-table conventions: shortest round-trip doubles, empty for undefined.
/// </summary>
public static class ComparisonCsv
{
    public static readonly string[] Columns = ["metric", "pairs", "mean_a", "mean_b", "difference", "paired_ci95_low", "paired_ci95_high",
        "unpaired_ci95_low", "unpaired_ci95_high", "width_ratio"];

    public static void Write(string path, IEnumerable<MetricComparison> rows)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        SweepCsv.WriteRow(writer, Columns);
        foreach (var r in rows)
            SweepCsv.WriteRow(writer, [r.Metric, r.Pairs.ToString(System.Globalization.CultureInfo.InvariantCulture), .. new[] { r.MeanA, r.MeanB,
                r.Difference, r.PairedLow, r.PairedHigh, r.UnpairedLow, r.UnpairedHigh, r.WidthRatio }.Select(SweepCsv.Number)]);
    }
}
