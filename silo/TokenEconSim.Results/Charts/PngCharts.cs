using ScottPlot;
using TokenEconSim.Domain.Simulation;
using Png = TokenEconSim.Domain.Simulation.ChartGroups.Png;

namespace TokenEconSim.Results.Charts;

/// <summary>How one PNG chart of <see cref="ChartGroups.Png"/> is drawn, and when (null: always).</summary>
internal sealed record PngChart(ChartGroup Group, Func<IReadOnlyList<EpochMetrics>, bool>? Meaningful,
    Func<IReadOnlyList<EpochMetrics>, ChartOptions, Plot> Draw)
{
    public bool IsMeaningful(IReadOnlyList<EpochMetrics> rows) => Meaningful?.Invoke(rows) ?? true;

    /// <summary>
    /// False when every column the declarations seat in this chart is empty in every row: an empty plot would say nothing
    /// ("no data" in the report instead). A chart drawn from the blocks alone (no column) has data whenever it is meaningful.
    /// </summary>
    public bool HasData(IReadOnlyList<EpochMetrics> rows)
    {
        var columns = Group.Members().Select(m => m.Column).ToList();
        return columns.Count == 0 || columns.Any(c => rows.Any(r => !double.IsNaN(c.Read(r))));
    }
}

/// <summary>
/// The drawing of every declared PNG chart, in <see cref="ChartGroups.Png.All"/> order: a declared
/// chart with no drawing fails at start-up.
/// </summary>
internal static class PngCharts
{
    private static readonly Dictionary<string, PngChart> Drawings = new PngChart[]
    {
        new(Png.SupplyInflation, null, (rows, _) => RunCharts.SupplyAndInflation(rows)),
        new(Png.Gini, null, (rows, _) => RunCharts.Gini(rows)),
        new(Png.RewardsPerRole, null, (rows, _) => RunCharts.RewardsPerRole(rows)),
        Block(Png.DifficultyHashrate),
        Block(Png.BlockTimeHistogram),
        Block(Png.ProducerConcentration),
        new(Png.ModelAccuracy, LearningCharts.IsMeaningful, (rows, _) => LearningCharts.Accuracy(rows)),
        Economy(Png.RewardWeights),
        Economy(Png.TokenPrice),
        Economy(Png.RewardsStacked),
        new(Png.Participation, BehaviourCharts.IsMeaningful, (rows, _) => BehaviourCharts.Participation(rows)),
        new(Png.Profit, BehaviourCharts.IsMeaningful, (rows, _) => BehaviourCharts.Profit(rows)),
        Seated(Png.Yuma, "Incentive Gini", "Validators' trust"),
        Seated(Png.YumaAdversaries, "Partner's incentive (share of the trainers')", "Dividends per stake / honest validators'"),
        Seated(Png.Network, "Stale rate", "Seconds to 90 % of nodes"),
    }.ToDictionary(c => c.Group.Key);

    public static IReadOnlyList<PngChart> All { get; } =
        [.. ChartGroups.Png.All.Select(g => Drawings.TryGetValue(g.Key, out var c)
            ? c
            : throw new InvalidOperationException($"PNG chart '{g.Key}' is declared but not drawn"))];

    /// <summary>Drawings for a chart no longer declared.</summary>
    public static IEnumerable<string> Undeclared => Drawings.Keys.Except(ChartGroups.Png.All.Select(g => g.Key));

    private static PngChart Block(ChartGroup g) =>
        new(g, rows => BlockCharts.IsMeaningful(g.Key, rows), (rows, options) => BlockCharts.Draw(g.Key, rows, options));

    /// <summary>A chart of the columns seated in it, drawn when one of them has a value.</summary>
    private static PngChart Seated(ChartGroup g, string yLabel, string y2Label) =>
        new(g, rows => SeatedCharts.IsMeaningful(g, rows), (rows, _) => SeatedCharts.Draw(g, rows, yLabel, y2Label));

    private static PngChart Economy(ChartGroup g) =>
        new(g, rows => EconomyCharts.IsMeaningful(g.Key, rows), (rows, _) => EconomyCharts.Draw(g.Key, rows));
}
