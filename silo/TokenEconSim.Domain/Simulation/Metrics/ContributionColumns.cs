using TokenEconSim.Domain.Agents;
using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>Contribution values, reward weights and each role's rewards and activity (docs/model.md §2, §3).</summary>
public static class ContributionColumns
{
    public static readonly MetricGroup Group = new("contribution", "contribution values, reward weights, rewards and activity by role");

    public static readonly MetricColumn<double> MeanQuality = Group.Declare<double>("mean_quality", MetricUnit.Ratio,
        "mean quality q of active providers' batches", None);
    public static readonly MetricColumn<double> Alpha = Group.Declare<double>("alpha", MetricUnit.Ratio, "reward weight of V_D",
        [Browser.RewardWeights.Series("α (data)"), Png.RewardWeights.Series("α (data)")]);
    public static readonly MetricColumn<double> Beta = Group.Declare<double>("beta", MetricUnit.Ratio, "reward weight of V_T",
        [Browser.RewardWeights.Series("β (training)"), Png.RewardWeights.Series("β (training)")]);
    public static readonly MetricColumn<double> Gamma = Group.Declare<double>("gamma", MetricUnit.Ratio, "reward weight of V_U",
        [Browser.RewardWeights.Series("γ (usage)"), Png.RewardWeights.Series("γ (usage)")]);
    public static readonly MetricColumn<double> ValueData = Group.Declare<double>("value_data", MetricUnit.Value, "sum of V_D", None);
    public static readonly MetricColumn<double> ValueTraining = Group.Declare<double>("value_training", MetricUnit.Value,
        "sum of V_T (0 when the epoch is rejected)", None);
    public static readonly MetricColumn<double> ValueUsage = Group.Declare<double>("value_usage", MetricUnit.Value, "sum of V_U", None);

    public static readonly PerRole<long> RewardTotal = Group.DeclarePerRole<long>(role => $"reward_total_{role.Key()}", MetricUnit.Tokens,
        role => $"tokens paid to {role.Title().ToLowerInvariant()}",
        role => [Browser.RewardsPerRole.Series(role.Title().ToLowerInvariant()), Png.RewardsPerRole.Series(role.Title()),
            Png.RewardsStacked.Series(role.Title())]);

    /// <summary>Mean reward over the role's whole population (not only its active members), in base units.</summary>
    public static readonly IReadOnlyList<DerivedColumn> RewardMean = [.. Roles.All.Select(role => Group.Derive($"reward_mean_{role.Key()}",
        MetricUnit.Tokens,
        $"mean tokens per {role.Key()} (whole population)", None, m => m.RewardMean(role)))];

    public static readonly PerRole<int> Active = Group.DeclarePerRole<int>(role => $"active_{role.Key()}", MetricUnit.Count,
        role => $"{role.Title().ToLowerInvariant()} taking part", _ => None);
}
