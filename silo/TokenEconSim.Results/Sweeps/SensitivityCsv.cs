using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Results.Sweeps;

/// <summary>
/// sensitivity.csv: one row per metric and parameter, in the order of points.csv's metrics and the design's parameters.
/// Sobol designs: first-order and total indices with their 95 % intervals; Morris designs: μ, μ* with its interval, σ
/// (docs/model.md §18). A metric undefined at some point has empty cells: the estimators need every point.
/// </summary>
public static class SensitivityCsv
{
    public static readonly string[] SobolColumns =
        ["metric", "parameter", "first_order", "first_order_ci95_low", "first_order_ci95_high", "total", "total_ci95_low", "total_ci95_high"];

    public static readonly string[] MorrisColumns = ["metric", "parameter", "mu", "mu_star", "mu_star_ci95_low", "mu_star_ci95_high", "sigma"];

    public static void WriteSobol(string path, IReadOnlyList<(string Metric, IReadOnlyList<SobolIndex>? Indices)> rows,
        IReadOnlyList<string> parameters)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        SweepCsv.WriteRow(writer, SobolColumns);
        foreach (var (metric, indices) in rows)
            for (var i = 0; i < parameters.Count; i++)
                SweepCsv.WriteRow(writer, indices is null ? Empty(metric, parameters[i], 6) : [metric, parameters[i],
                    .. Interval(indices[i].First, indices[i].FirstHalfWidth), .. Interval(indices[i].Total, indices[i].TotalHalfWidth)]);
    }

    public static void WriteMorris(string path, IReadOnlyList<(string Metric, IReadOnlyList<MorrisEffect>? Effects)> rows,
        IReadOnlyList<string> parameters)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        SweepCsv.WriteRow(writer, MorrisColumns);
        foreach (var (metric, effects) in rows)
            for (var i = 0; i < parameters.Count; i++)
                SweepCsv.WriteRow(writer, effects is null ? Empty(metric, parameters[i], 5) : [metric, parameters[i],
                    SweepCsv.Number(effects[i].Mu), .. Interval(effects[i].MuStar, effects[i].MuStarHalfWidth), SweepCsv.Number(effects[i].Sigma)]);
    }

    private static string[] Interval(double value, double halfWidth) =>
        [SweepCsv.Number(value), SweepCsv.Number(value - halfWidth), SweepCsv.Number(value + halfWidth)];

    private static string[] Empty(string metric, string parameter, int cells) => [metric, parameter, .. Enumerable.Repeat("", cells)];
}
