using System.Globalization;
using TokenEconSim.Results.Charts;
using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// The sweep's charts in charts/: a ternary heat map per metric when the sweep is the α-β-γ simplex
/// alone (ternary_&lt;metric&gt;), line charts with 95 % CI bands when it sweeps one numeric
/// parameter alone (line_&lt;parameter&gt;_&lt;metric&gt;). A sobol or morris design's charts are its sensitivity
/// (<see cref="SweepSensitivity"/>). Other shapes have no chart (the tables hold them).
/// </summary>
public static class SweepCharts
{
    /// <summary>Why there is no chart for this sweep's shape, or null when there is one.</summary>
    public static string? Unsupported(SweepPlan plan) =>
        SweepSensitivity.Applies(plan) ? null
        : plan.Design is not null ? "an lhs design has no chart (sobol and morris designs get sensitivity charts); see points.csv"
        : plan.SimplexStep != null && plan.Parameters.Count == 0 ? null
        : plan.SimplexStep == null && plan.Parameters.Count == 1 && plan.ParameterValues[0].Values.All(IsNumber) ? null
        : "charts are drawn for a simplex alone (ternary) or one numeric parameter alone (lines); see points.csv";

    public static IReadOnlyList<string> Write(SweepPlan plan, SweepRecorder recorder, IReadOnlyList<string> metrics, string directory)
    {
        if (Unsupported(plan) != null || recorder.Points.Count == 0 || SweepSensitivity.Applies(plan)) return [];
        var files = new List<string>();
        var seeds = plan.Seeds.Count;
        foreach (var metric in metrics)
        {
            var column = recorder.IndexOf(metric);
            if (plan.SimplexStep is { } step)
            {
                var values = recorder.Points.Select(p => Simplex(p, p.Stats[column].Mean)).ToList();
                files.AddRange(TernaryCharts.WriteHeatMap(values, (int)(1 / step),
                    $"{metric} over the reward weights (mean of {seeds} seed{(seeds == 1 ? "" : "s")})",
                    metric, directory, "ternary_" + FileSafe(metric)));
            }
            else
            {
                var parameter = plan.Parameters[0];
                var points = recorder.Points.Select(p => new SweepLinePoint(Number(p.Parameters[0].Value),
                    p.Stats[column].Mean, p.Stats[column].Low, p.Stats[column].High)).ToList();
                files.AddRange(SweepLineCharts.Write(points, parameter, metric, seeds, directory, $"line_{FileSafe(parameter)}_{FileSafe(metric)}"));
            }
        }
        return files;
    }

    /// <summary>A point's α, β, γ (read from its overrides) with a value.</summary>
    public static SimplexValue Simplex(PointResult p, double value) =>
        new(Weight(p, SweepPlan.SimplexKeys[0]), Weight(p, SweepPlan.SimplexKeys[1]), Weight(p, SweepPlan.SimplexKeys[2]), value);

    private static double Weight(PointResult p, string key) => Number(p.Parameters.First(o => o.Key == key).Value);

    public static string FileSafe(string name) => name.Replace('.', '_');

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
