using ScottPlot;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>Charts of `silo compare-difficulty`: one environment, every algorithm, one seed.</summary>
public static class ComparisonCharts
{
    /// <summary>Writes difficulty and mean block time per algorithm, and true vs predicted hashrate; returns the files.</summary>
    /// <param name="shownSeed">The seed of <paramref name="runs"/>, named in every title: a chart shows one run, not the average.</param>
    public static IReadOnlyList<string> Write(string environment, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs,
        double targetBlockTime, string directory, int shownSeed)
    {
        var name = environment;
        environment = $"{environment} (seed {shownSeed})";
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        // PNG only: a comparison is for reading; its SVGs would double the files for no reader.
        void Save(Plot plot, string name) => RunCharts.Save(plot, directory, name, files, svg: false);
        Save(Lines($"{environment}: difficulty", "Difficulty", runs, r => r.Difficulty), $"{name}_difficulty");
        var times = Lines($"{environment}: mean block time per epoch", "Seconds", runs, r => r.MeanBlockTime);
        times.Add.HorizontalLine(targetBlockTime, color: Colors.Red, pattern: LinePattern.Dashed).LegendText = $"target ({targetBlockTime:0} s)";
        Save(times, $"{name}_block_time");
        Save(Predictions(environment, runs), $"{name}_hashrate_prediction");
        Save(Distributions(environment, runs, targetBlockTime), $"{name}_block_time_distribution");
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

    /// <summary>
    /// Share of block intervals per 0.1·T bin up to 5·T, one line per algorithm (an exponential with mean T is the ideal);
    /// intervals of 5·T or more are one overflow bin, drawn apart as a marker right of a dashed line so it is not read as a 0.1·T bin.
    /// </summary>
    private static Plot Distributions(string environment, IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> runs, double target)
    {
        const int bins = 50;
        var edge = 5 * target;
        var plot = RunCharts.NewPlot($"{environment}: distribution of block intervals", "Seconds between blocks");
        plot.YLabel("Share of blocks per bin");
        var xs = Enumerable.Range(0, bins).Select(b => (b + 0.5) * edge / bins).ToArray();
        var overflowX = edge * 1.04;
        foreach (var (algorithm, rows) in runs)
        {
            var times = rows.SelectMany(r => r.BlockRecords).Select(b => b.Time).ToArray();
            var intervals = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
            if (intervals.Length == 0) continue;
            var counts = new double[bins];
            foreach (var d in intervals.Where(d => d < edge)) counts[Math.Max(0, (int)(d / edge * bins))]++;
            var line = plot.Add.Scatter(xs, counts.Select(c => c / intervals.Length).ToArray());
            line.LegendText = algorithm;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            var overflow = plot.Add.Marker(overflowX, intervals.Count(d => d >= edge) / (double)intervals.Length);
            overflow.Color = line.Color;
            overflow.MarkerSize = 9;
        }
        var ideal = plot.Add.Scatter(xs, xs.Select(x => Math.Exp(-(x - 2.5 * target / bins) / target) - Math.Exp(-(x
            + 2.5 * target / bins) / target)).ToArray());
        ideal.LegendText = $"Exp(mean {target:0} s)";
        ideal.LinePattern = LinePattern.Dashed;
        ideal.MarkerSize = 0;
        var idealOverflow = plot.Add.Marker(overflowX, Math.Exp(-5), MarkerShape.OpenCircle, 11);
        idealOverflow.Color = ideal.Color;
        var divider = plot.Add.VerticalLine(edge, color: Colors.Gray, pattern: LinePattern.Dotted);
        divider.LegendText = "right of this: overflow bin, all intervals ≥ 5·T (one marker each)";
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
