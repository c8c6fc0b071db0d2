using TokenEconSim.Experiments.Sensitivity;
using TokenEconSim.Results.Charts;
using TokenEconSim.Results.Sweeps;
using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// After a sobol or morris sweep: every metric's (and the objective's) sensitivity to each parameter, from the points' means over
/// seeds in design order (docs/model.md §18), into sensitivity.csv, and a chart per charted metric (sensitivity_&lt;metric&gt;).
/// </summary>
public static class SweepSensitivity
{
    /// <summary>True when the sweep's design has an estimator: sobol and morris (an lhs design is a plain sample).</summary>
    public static bool Applies(SweepPlan plan) => plan.Design is { Mode: SweepMode.Sobol or SweepMode.Morris };

    /// <returns>The chart files written.</returns>
    public static IReadOnlyList<string> Write(SweepPlan plan, SweepRecorder recorder, IReadOnlyList<string> chartMetrics, string csvPath,
        string chartsDirectory)
    {
        if (plan.Design is not { } design || !Applies(plan) || recorder.Points.Count != plan.PointCount) return [];
        var names = design.Ranges.Select(r => r.Name).ToList();
        var files = new List<string>();
        if (design.Mode == SweepMode.Sobol)
        {
            var saltelli = design.Saltelli();
            var rows = recorder.Columns.Select(m => (m, Means(recorder, m) is { } y
                ? SobolIndices.Analyze(saltelli, design.Ranges, y) : null)).ToList();
            SensitivityCsv.WriteSobol(csvPath, rows, names);
            foreach (var (metric, indices) in rows.Where(r => r.Item2 is not null && chartMetrics.Contains(r.m)))
                files.AddRange(SensitivityCharts.WriteSobol(indices!, metric, chartsDirectory, Name(metric)));
        }
        else
        {
            var morris = design.Morris();
            var rows = recorder.Columns.Select(m => (m, Means(recorder, m) is { } y
                ? MorrisEffects.Analyze(morris, design.Ranges, y) : null)).ToList();
            SensitivityCsv.WriteMorris(csvPath, rows, names);
            foreach (var (metric, effects) in rows.Where(r => r.Item2 is not null && chartMetrics.Contains(r.m)))
                files.AddRange(SensitivityCharts.WriteMorris(effects!, metric, chartsDirectory, Name(metric)));
        }
        return files;
    }

    /// <summary>The metric's mean over seeds at every point, in design order; null when it is undefined at any point.</summary>
    private static double[]? Means(SweepRecorder recorder, string metric)
    {
        var column = recorder.IndexOf(metric);
        var means = recorder.Points.OrderBy(p => p.Point).Select(p => p.Stats[column].Mean).ToArray();
        return means.All(double.IsFinite) ? means : null;
    }

    private static string Name(string metric) => "sensitivity_" + SweepCharts.FileSafe(metric);
}
