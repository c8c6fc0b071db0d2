using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// Yuma scoring (docs/model.md §3.6): per Yuma-scored role, how its epoch went; an optional group, in metrics.csv only with
/// rewards.scoring: yuma, so other scenarios' columns are unchanged. Empty for an epoch whose Yuma epoch did not run (rejected).
/// </summary>
public static class YumaColumns
{
    public static readonly MetricGroup Group = new("yuma", "Yuma scoring: incentive, validators' trust, weights against consensus, dividends",
        scenario => scenario.Rewards.Scoring == RewardScoring.Yuma);

    /// <summary>The roles a Yuma epoch scores, in column order.</summary>
    public static IReadOnlyList<Role> Scored { get; } = [Role.DataProvider, Role.Trainer];

    public static readonly IReadOnlyList<MetricColumn<double>> IncentiveGini = PerRole("yuma_incentive_gini",
        "Gini of the incentive I_j over the members evaluated (active, not caught)");
    public static readonly IReadOnlyList<MetricColumn<double>> ValidatorTrust = PerRole("yuma_validator_trust",
        "mean over the validators with stake of their trust Σ_j min(W_ij, C_j): how much of each one's weight consensus kept");
    public static readonly IReadOnlyList<MetricColumn<double>> WeightDistance = PerRole("yuma_weight_distance",
        "mean over the validators with weights of Σ_j |W_ij − C_j|: the L1 distance of each one's normalised weights from consensus");
    public static readonly IReadOnlyList<MetricColumn<double>> DividendsGini = PerRole("yuma_dividends_gini",
        "Gini of the validators' dividends D_i (validators with stake)");

    private static MetricColumn<double>[] PerRole(string name, string description) =>
        [.. Scored.Select(role => Group.Declare($"{name}_{role.Key()}", MetricUnit.Ratio,
            $"{role.Title().ToLowerInvariant()}: {description}", None, double.NaN))];
}

/// <summary>The Yuma columns of one scored epoch.</summary>
public sealed record YumaMetrics : MetricValues
{
    /// <param name="byRole">Per <see cref="YumaColumns.Scored"/> role: incentive Gini, mean validator trust, mean distance, dividends Gini.</param>
    public YumaMetrics(IReadOnlyList<(double IncentiveGini, double Trust, double Distance, double DividendsGini)> byRole)
    {
        for (var k = 0; k < YumaColumns.Scored.Count; k++)
        {
            this[YumaColumns.IncentiveGini[k]] = byRole[k].IncentiveGini;
            this[YumaColumns.ValidatorTrust[k]] = byRole[k].Trust;
            this[YumaColumns.WeightDistance[k]] = byRole[k].Distance;
            this[YumaColumns.DividendsGini[k]] = byRole[k].DividendsGini;
        }
    }
}
