using ScottPlot;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>Charts of `silo compare-difficulty`: one environment, every algorithm, one seed.</summary>
public static class ComparisonCharts
{
    /// <summary>Writes difficulty and mean block time per algorithm, and true vs predicted hashrate; returns the files.</summary>
    public static IReadOnlyList<string> Write(string environment, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs,
        double targetBlockTime, string directory)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        Save(Lines($"{environment}: difficulty", "Difficulty", runs, r => r.Difficulty), directory, $"{environment}_difficulty", files);
        var times = Lines($"{environment}: mean block time per epoch", "Seconds", runs, r => r.MeanBlockTime);
        times.Add.HorizontalLine(targetBlockTime, color: Colors.Red, pattern: LinePattern.Dashed).LegendText = $"target ({targetBlockTime:0} s)";
        Save(times, directory, $"{environment}_block_time", files);
        Save(Predictions(environment, runs), directory, $"{environment}_hashrate_prediction", files);
        return files;
    }

    private static Plot Lines(string title, string yLabel, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs, Func<EpochMetrics, double> y)
    {
        var plot = RunCharts.NewPlot(title);
        plot.YLabel(yLabel);
        foreach (var (algorithm, rows) in runs) RunCharts.AddLine(plot, rows, y, algorithm);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static Plot Predictions(string environment, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs)
    {
        var plot = RunCharts.NewPlot($"{environment}: true, estimated and predicted hashrate");
        plot.YLabel("Hashrate (2³² H/s)");
        var any = runs.Values.First();
        RunCharts.AddLine(plot, any, r => r.Hashrate, "true");
        RunCharts.AddLine(plot, any, r => r.HashrateEstimated, "estimated from blocks");
        foreach (var (algorithm, rows) in runs.Where(r => r.Value.Any(m => double.IsFinite(m.HashratePredicted))))
            RunCharts.AddLine(plot, rows, r => r.HashratePredicted, $"predicted ({algorithm})");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void Save(Plot plot, string directory, string name, List<string> files)
    {
        using var _ = plot;
        var png = Path.Combine(directory, name + ".png");
        plot.SavePng(png, RunCharts.Width, RunCharts.Height);
        files.Add(png);
    }
}
