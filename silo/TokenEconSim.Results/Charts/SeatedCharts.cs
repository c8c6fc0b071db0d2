using ScottPlot;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>
/// A chart drawn straight from its seated columns (<see cref="ChartGroup.Members"/>): one line per column that has a value, on the
/// left axis or, thin with open circles, on the right; drawn only for runs where some column has one (Yuma scoring's charts, docs/model.md §3.6).
/// </summary>
internal static class SeatedCharts
{
    public static bool IsMeaningful(ChartGroup group, IReadOnlyList<EpochMetrics> rows) =>
        group.Members().Any(m => Filled(m.Column, rows));

    public static Plot Draw(ChartGroup group, IReadOnlyList<EpochMetrics> rows, string yLabel, string y2Label)
    {
        var plot = RunCharts.NewPlot(group.Title);
        foreach (var (column, seat) in group.Members().Where(m => Filled(m.Column, rows)))
        {
            var line = RunCharts.AddLine(plot, rows, column.Read, seat.Label);
            if (!seat.RightAxis) continue;
            line.Axes.YAxis = plot.Axes.Right;
            RunCharts.StyleSecondary(line);
        }
        plot.YLabel(yLabel);
        plot.Axes.Right.Label.Text = y2Label;
        RunCharts.StyleAxis(plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static bool Filled(MetricColumn column, IReadOnlyList<EpochMetrics> rows) => rows.Any(r => !double.IsNaN(column.Read(r)));
}
