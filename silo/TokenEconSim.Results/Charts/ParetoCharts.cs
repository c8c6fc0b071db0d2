using ScottPlot;

namespace TokenEconSim.Results.Charts;

/// <summary>One evaluated point of a Pareto search on the chart: its two objectives' means and whether it is on the front.</summary>
public readonly record struct ParetoChartPoint(double X, double Y, bool OnFront);

/// <summary>
/// A Pareto search's chart: every evaluated point by the means of its first two objectives, the non-dominated front in colour and
/// the dominated points grey. With two objectives the front is joined in order of the first; with more, points on the front (ranked
/// on every objective) may hide one another's trade-offs in two dimensions, so they stay unjoined. Axis labels say each objective's
/// direction.
/// </summary>
public static class ParetoCharts
{
    /// <returns>The chart files written (PNG and SVG).</returns>
    public static IReadOnlyList<string> Write(IReadOnlyList<ParetoChartPoint> points, string xLabel, string yLabel, int objectives,
        string directory, string name)
    {
        ChartFonts.EnsureRegistered();
        Directory.CreateDirectory(directory);
        var plot = RunCharts.NewPlot("Pareto front (means over seeds)", xLabel);
        plot.YLabel(yLabel);
        var shown = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var dominated = shown.Where(p => !p.OnFront).ToList();
        if (dominated.Count > 0)
        {
            var grey = plot.Add.ScatterPoints(dominated.Select(p => p.X).ToArray(), dominated.Select(p => p.Y).ToArray(), Colors.Gray);
            grey.MarkerSize = 7;
            grey.LegendText = "dominated";
        }
        var front = shown.Where(p => p.OnFront).OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (front.Count > 0)
        {
            var line = plot.Add.Scatter(front.Select(p => p.X).ToArray(), front.Select(p => p.Y).ToArray(), Colors.C0);
            line.LineWidth = objectives == 2 ? 2 : 0;
            line.MarkerSize = 10;
            line.LegendText = objectives == 2 ? "Pareto front" : $"Pareto front (on all {objectives} objectives)";
        }
        plot.ShowLegend(Edge.Bottom);
        var files = new List<string>();
        RunCharts.Save(plot, directory, name, files);
        return files;
    }
}
