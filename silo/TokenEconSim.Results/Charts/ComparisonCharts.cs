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
        // PNG only: a comparison is for reading; its SVGs would double the files for no reader.
        void Save(Plot plot, string name) => RunCharts.Save(plot, directory, name, files, svg: false);
        Save(Lines($"{environment}: difficulty", "Difficulty", runs, r => r.Difficulty), $"{environment}_difficulty");
        var times = Lines($"{environment}: mean block time per epoch", "Seconds", runs, r => r.MeanBlockTime);
        times.Add.HorizontalLine(targetBlockTime, color: Colors.Red, pattern: LinePattern.Dashed).LegendText = $"target ({targetBlockTime:0} s)";
        Save(times, $"{environment}_block_time");
        Save(Predictions(environment, runs), $"{environment}_hashrate_prediction");
        Save(Distributions(environment, runs, targetBlockTime), $"{environment}_block_time_distribution");
        return files;
    }

    private static Plot Lines(string title, string yLabel, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs,
        Func<EpochMetrics, double> y)
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

    /// <summary>Share of block intervals per 0.1·T bin up to 5·T, one line per algorithm (an exponential with mean T is the ideal).</summary>
    private static Plot Distributions(string environment, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs, double target)
    {
        const int bins = 50;
        var plot = RunCharts.NewPlot($"{environment}: distribution of block intervals", "Seconds between blocks");
        plot.YLabel("Share of blocks per bin");
        var xs = Enumerable.Range(0, bins).Select(b => (b + 0.5) * 5 * target / bins).ToArray();
        foreach (var (algorithm, rows) in runs)
        {
            var times = rows.SelectMany(r => r.BlockRecords).Select(b => b.Time).ToArray();
            var intervals = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
            if (intervals.Length == 0) continue;
            var counts = new double[bins];
            foreach (var d in intervals) counts[Math.Clamp((int)(d / (5 * target) * bins), 0, bins - 1)]++;
            var line = plot.Add.Scatter(xs, counts.Select(c => c / intervals.Length).ToArray());
            line.LegendText = algorithm;
            line.LineWidth = 2;
            line.MarkerSize = 0;
        }
        var ideal = plot.Add.Scatter(xs, xs.Select(x => Math.Exp(-(x - 2.5 * target / bins) / target) - Math.Exp(-(x
            + 2.5 * target / bins) / target)).ToArray());
        ideal.LegendText = $"Exp(mean {target:0} s)";
        ideal.LinePattern = LinePattern.Dashed;
        ideal.MarkerSize = 0;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
