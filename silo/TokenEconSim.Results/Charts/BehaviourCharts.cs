using ScottPlot;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results.Charts;

/// <summary>
/// The responding populations' charts (docs/model.md §17.8), drawn only for runs where some population is not fixed: how many
/// take part and how hard, and what it earns them, per responding role.
/// </summary>
internal static class BehaviourCharts
{
    /// <summary>Some responding role took part, or was settled, in some epoch (a fixed run's behaviour columns are all empty).</summary>
    public static bool IsMeaningful(IReadOnlyList<EpochMetrics> rows) =>
        Enumerable.Range(0, BehaviourColumns.Responding.Count).Any(k => Responds(rows, k));

    /// <summary>Active agents per responding role on the left axis, their mean effort (thin, open circles) on the right.</summary>
    internal static Plot Participation(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.Participation.Title);
        foreach (var k in Roles(rows))
        {
            var role = BehaviourColumns.Responding[k];
            var active = RunCharts.AddLine(plot, rows, r => r.ActiveByRole[(int)role], role.Title());
            var effort = RunCharts.AddLine(plot, rows, r => r[BehaviourColumns.EffortMean[k]], $"{role.Title()}: mean effort");
            effort.Axes.YAxis = plot.Axes.Right;
            active.Color = effort.Color = plot.Add.Palette.GetColor(k); // a role keeps its colour in both charts
            RunCharts.StyleSecondary(effort);
        }
        plot.YLabel("Agents taking part");
        plot.Axes.Right.Label.Text = "Mean effort (quality; share switched on)";
        RunCharts.StyleAxis(plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Mean realised profit of those that took part, per responding role, with the break-even line.</summary>
    internal static Plot Profit(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.Profit.Title);
        foreach (var k in Roles(rows))
            RunCharts.AddLine(plot, rows, r => r[BehaviourColumns.ProfitMean[k]], BehaviourColumns.Responding[k].Title()).Color =
                plot.Add.Palette.GetColor(k);
        plot.Add.HorizontalLine(0, width: 1, color: Colors.Gray);
        plot.YLabel("Tokens per agent per epoch");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static IEnumerable<int> Roles(IReadOnlyList<EpochMetrics> rows) =>
        Enumerable.Range(0, BehaviourColumns.Responding.Count).Where(k => Responds(rows, k));

    private static bool Responds(IReadOnlyList<EpochMetrics> rows, int k) =>
        rows.Any(r => !double.IsNaN(r[BehaviourColumns.EffortMean[k]]) || !double.IsNaN(r[BehaviourColumns.ProfitMean[k]]));
}
