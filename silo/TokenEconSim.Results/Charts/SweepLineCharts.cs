namespace TokenEconSim.Results.Charts;

/// <summary>A metric's mean over seeds at one value of a swept parameter, with its 95 % CI.</summary>
public readonly record struct SweepLinePoint(double X, double Mean, double Low, double High);

/// <summary>Line charts of one swept parameter: the mean over seeds with its 95 % confidence band.</summary>
public static class SweepLineCharts
{
    public static IReadOnlyList<string> Write(IReadOnlyList<SweepLinePoint> points, string parameter, string metric, int seeds,
        string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = RunCharts.NewPlot($"{metric} against {parameter} (mean of {seeds} seed{(seeds == 1 ? "" : "s")}, 95 % CI)", parameter);
        var ordered = points.Where(p => double.IsFinite(p.Mean)).OrderBy(p => p.X).ToArray();
        var band = ordered.Where(p => double.IsFinite(p.Low) && double.IsFinite(p.High)).ToArray();
        if (band.Length > 1)
        {
            var fill = plot.Add.FillY(band.Select(p => p.X).ToArray(), band.Select(p => p.Low).ToArray(), band.Select(p => p.High).ToArray());
            fill.FillColor = ScottPlot.Colors.C0.WithAlpha(0.25);
            fill.LineWidth = 0;
            fill.LegendText = "95 % confidence interval";
        }
        var line = plot.Add.Scatter(ordered.Select(p => p.X).ToArray(), ordered.Select(p => p.Mean).ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.Color = ScottPlot.Colors.C0;
        line.LegendText = "mean over seeds";
        plot.YLabel(metric);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        var files = new List<string>();
        RunCharts.Save(plot, directory, name, files);
        return files;
    }
}
