using ScottPlot;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Charts;

/// <summary>
/// The token economy's charts, drawn only for runs that have it: the reward weights under
/// governance, the token price with the pool's reserves, and rewards by role stacked.
/// </summary>
internal static class EconomyCharts
{
    public const string Weights = "reward_weights";
    public const string TokenPrice = "token_price";
    public const string RewardsStacked = "rewards_stacked";

    public static IReadOnlyList<string> Names { get; } = [Weights, TokenPrice, RewardsStacked];

    public static bool IsMeaningful(string name, IReadOnlyList<EpochMetrics> rows) => name switch
    {
        Weights => rows.Any(r => r.Economy.Proposals.Count > 0),
        TokenPrice => rows.Any(r => r.Economy.ReserveToken > 0),
        RewardsStacked => rows.Any(r => !ReferenceEquals(r.Economy, EconomyMetrics.None)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an economy chart"),
    };

    public static Plot Draw(string name, IReadOnlyList<EpochMetrics> rows) => name switch
    {
        Weights => RewardWeights(rows),
        TokenPrice => PriceAndReserves(rows),
        RewardsStacked => Stacked(rows),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an economy chart"),
    };

    internal static Plot RewardWeights(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.RewardWeights.Title);
        RunCharts.AddLine(plot, rows, r => r.Alpha, "α (data)");
        RunCharts.AddLine(plot, rows, r => r.Beta, "β (training)");
        RunCharts.AddLine(plot, rows, r => r.Gamma, "γ (usage)");
        foreach (var r in rows)
            foreach (var p in r.Economy.Proposals.Where(p => p.Passed))
                plot.Add.VerticalLine(p.EffectiveEpoch, width: 1, color: Colors.Gray);
        plot.YLabel("Weight (α + β + γ = 1)");
        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    internal static Plot PriceAndReserves(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.TokenPrice.Title);
        var price = RunCharts.AddLine(plot, rows, r => r.Economy.TokenPrice, "Token price");
        plot.YLabel("Price (stable per token)");
        var scale = TokenScale.For(rows.SelectMany(r => new[] { TokenUnits.ToTokens(r.Economy.ReserveToken),
            TokenUnits.ToTokens(r.Economy.ReserveStable) }));
        var tokens = RunCharts.AddLine(plot, rows, r => TokenUnits.ToTokens(r.Economy.ReserveToken) / scale.Divisor, "Token reserve");
        var stable = RunCharts.AddLine(plot, rows, r => TokenUnits.ToTokens(r.Economy.ReserveStable) / scale.Divisor, "Stable reserve");
        tokens.Axes.YAxis = plot.Axes.Right;
        stable.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = $"Reserves ({scale.Unit})";
        plot.Axes.Left.Label.ForeColor = price.Color;
        RunCharts.StyleAxis(plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Each role's rewards stacked on the ones below it, so the top line is the epoch's total.</summary>
    internal static Plot Stacked(IReadOnlyList<EpochMetrics> rows)
    {
        var plot = RunCharts.NewPlot(ChartGroups.Png.RewardsStacked.Title);
        var scale = TokenScale.For(rows.Select(r => TokenUnits.ToTokens(r.RewardsByRole.Sum())));
        var below = new double[rows.Count];
        var xs = rows.Select(r => (double)r.Epoch).ToArray();
        foreach (var role in Roles.All)
        {
            var top = new double[rows.Count];
            for (var k = 0; k < rows.Count; k++) top[k] = below[k] + TokenUnits.ToTokens(rows[k].RewardTotal(role)) / scale.Divisor;
            var band = plot.Add.FillY(xs, top, below);
            band.LegendText = role.Title();
            below = top;
        }
        plot.YLabel($"Rewards per epoch ({scale.Unit})");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
