using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The responding populations (docs/model.md §17.8), per role: an optional group,
/// in metrics.csv only when some population's behaviour model is not fixed, so other scenarios' columns are unchanged. Decisions
/// (entries, exits, effort, cheats) are the epoch's draw; costs and profits its settlement. Active agents and rewards per role are
/// the contribution group's <c>active_*</c> and <c>reward_total_*</c>.
/// </summary>
public static class BehaviourColumns
{
    public static readonly MetricGroup Group = new("behaviour", "responding populations: entry, exit, effort, cost, profit, cheating",
        scenario => Roles.All.Any(role => PopulationBehaviour.Responds(scenario.Behaviour, role)));

    /// <summary>The roles whose agents can respond, in column order: every role.</summary>
    public static IReadOnlyList<Role> Responding { get; } = Roles.All;

    /// <summary>The roles that can cheat (docs/model.md §17.6), in column order: the cheating columns are theirs only.</summary>
    public static IReadOnlyList<Role> Cheating { get; } = [Role.DataProvider, Role.Trainer];

    /// <summary>The role's position in <see cref="Cheating"/> (and its cheating columns); −1 for a role that cannot cheat.</summary>
    public static int CheatingIndex(Role role)
    {
        for (var k = 0; k < Cheating.Count; k++)
            if (Cheating[k] == role) return k;
        return -1;
    }

    public static readonly IReadOnlyList<MetricColumn<int>> Present = PerRole<int>("present", MetricUnit.Count,
        "agents present (entered and not left, idle or not; latent ones excluded)", 0,
        role => [Browser.Participation.Series($"{role.Title().ToLowerInvariant()} present")]);
    public static readonly IReadOnlyList<MetricColumn<int>> Entries = PerRole<int>("entries", MetricUnit.Count,
        "latent agents that entered", 0);
    public static readonly IReadOnlyList<MetricColumn<int>> Exits = PerRole<int>("exits", MetricUnit.Count,
        "agents that left (loss-making epochs or a bond below the stake)", 0);
    public static readonly IReadOnlyList<MetricColumn<double>> EffortMean = PerRole("effort_mean", MetricUnit.Ratio,
        "mean effort of those taking part (a provider's quality, 0 for a cheat; a miner's share of its hashrate switched on, a "
            + "validator's of its stake bonded; empty when none)", double.NaN,
        role => [Png.Participation.Series($"{role.Title()}: mean effort", rightAxis: true),
            Browser.Participation.Series($"{role.Title().ToLowerInvariant()} effort", rightAxis: true)]);
    public static readonly IReadOnlyList<MetricColumn<double>> CostTotal = PerRole("cost_total", MetricUnit.Value,
        "tokens: net cost borne in the settled epoch (a user's: fees' cost less the calls' value)", 0.0);
    public static readonly IReadOnlyList<MetricColumn<double>> ProfitMean = PerRole("profit_mean", MetricUnit.Value,
        "tokens: mean profit (reward − cost − slash) of those that took part in the settled epoch (empty when none)", double.NaN,
        role => [Png.Profit.Series(role.Title())]);
    public static readonly IReadOnlyList<MetricColumn<double>> ProfitMeanCheat = PerCheatingRole("profit_mean_cheat", MetricUnit.Value,
        "tokens: mean profit of the cheats in the settled epoch, caught or not (empty when none)", double.NaN);
    public static readonly IReadOnlyList<MetricColumn<double>> ProfitMeanHonest = PerCheatingRole("profit_mean_honest", MetricUnit.Value,
        "tokens: mean profit of those that took part without cheating in the settled epoch (empty when none)", double.NaN);
    public static readonly IReadOnlyList<MetricColumn<double>> ProfitableShare = PerRole("profitable_share", MetricUnit.Ratio,
        "share of those that took part whose profit was positive (empty when none)", double.NaN);
    public static readonly IReadOnlyList<MetricColumn<double>> CheatingRate = PerCheatingRole("cheating_rate", MetricUnit.Ratio,
        "cheats among those taking part (empty when none)", double.NaN);
    public static readonly IReadOnlyList<MetricColumn<int>> Caught = PerCheatingRole<int>("caught", MetricUnit.Count,
        "cheats caught by the validators' checks (paid nothing, slashed)", 0);

    /// <summary>
    /// Federated learning: how well trainers' pay tracks their marginal contribution
    /// (<see cref="Learning.Federated.FederatedLearning.PayTracking"/>).
    /// </summary>
    public static readonly MetricColumn<double> PayRankTrainer = Group.Declare("pay_rank_trainer", MetricUnit.Ratio,
        "federated learning: Spearman rank correlation between the V_T each trainer with an update is paid for and its leave-one-out "
            + "accuracy gain (empty when the update was rejected, with fewer than two updates, or without federated learning)", None,
        double.NaN);

    /// <summary>
    /// Federated learning: how well providers' pay tracks their marginal contribution, their batches' influence on the validation loss
    /// (<see cref="Learning.Federated.DataInfluence"/>).
    /// </summary>
    public static readonly MetricColumn<double> PayRankProvider = Group.Declare("pay_rank_provider", MetricUnit.Ratio,
        "federated learning: Spearman rank correlation between the V_D each provider with a batch is paid for and its batch's influence "
            + "on the validation loss (empty when the update was rejected, with fewer than two batches, or without federated learning)",
        None, double.NaN);

    /// <summary>Base units slashed from bonds and burned at this settlement.</summary>
    public static readonly MetricColumn<long> BondSlashed = Group.Declare<long>("bond_slashed", MetricUnit.Tokens,
        "tokens slashed from caught cheats' bonds and burned", None);
    /// <summary>Base units held in bonds after the settlement.</summary>
    public static readonly MetricColumn<long> Bonded = Group.Declare<long>("bonded", MetricUnit.Tokens,
        "tokens held in bonds (outside the balances)", None);

    private static MetricColumn<T>[] PerRole<T>(string name, MetricUnit unit, string description, T defaultValue,
        Func<Role, ChartSeat[]>? charts = null) => Declare(Responding, name, unit, description, defaultValue, charts);

    private static MetricColumn<T>[] PerCheatingRole<T>(string name, MetricUnit unit, string description, T defaultValue) =>
        Declare(Cheating, name, unit, description, defaultValue, null);

    private static MetricColumn<T>[] Declare<T>(IReadOnlyList<Role> roles, string name, MetricUnit unit, string description,
        T defaultValue, Func<Role, ChartSeat[]>? charts) =>
        [.. roles.Select(role => Group.Declare(
            $"{name}_{role.Key()}", unit, $"{role.Title().ToLowerInvariant()}: {description}", charts?.Invoke(role) ?? None, defaultValue))];
}

/// <summary>The behaviour columns of one epoch: its decisions (drawn) and its outcomes (settled).</summary>
public sealed record BehaviourMetrics : MetricValues
{
    private BehaviourMetrics(BehaviourReport drawn, BehaviourReport settled, double payRankTrainer, double payRankProvider)
    {
        for (var k = 0; k < BehaviourColumns.Responding.Count; k++)
        {
            var r = (int)BehaviourColumns.Responding[k];
            var (d, s) = (drawn.ByRole[r], settled.ByRole[r]);
            this[BehaviourColumns.Present[k]] = d.Present;
            this[BehaviourColumns.Entries[k]] = d.Entries;
            this[BehaviourColumns.Exits[k]] = d.Exits;
            this[BehaviourColumns.EffortMean[k]] = d.MeanEffort;
            this[BehaviourColumns.CostTotal[k]] = s.Cost.Value;
            this[BehaviourColumns.ProfitMean[k]] = s.MeanProfit;
            this[BehaviourColumns.ProfitableShare[k]] = s.ShareProfitable;
        }
        for (var k = 0; k < BehaviourColumns.Cheating.Count; k++)
        {
            var r = (int)BehaviourColumns.Cheating[k];
            var (d, s) = (drawn.ByRole[r], settled.ByRole[r]);
            this[BehaviourColumns.ProfitMeanCheat[k]] = s.MeanCheatProfit;
            this[BehaviourColumns.ProfitMeanHonest[k]] = s.MeanHonestProfit;
            this[BehaviourColumns.CheatingRate[k]] = d.CheatingRate;
            this[BehaviourColumns.Caught[k]] = d.Caught;
        }
        this[BehaviourColumns.PayRankTrainer] = payRankTrainer;
        this[BehaviourColumns.PayRankProvider] = payRankProvider;
        this[BehaviourColumns.BondSlashed] = settled.Slashed;
        this[BehaviourColumns.Bonded] = settled.BondHeld;
    }

    /// <summary>
    /// The columns of an epoch from the reports of its draw and its settlement, and how well trainers' and providers' pay tracked their
    /// contribution (NaN without federated learning); null when every population is fixed.
    /// </summary>
    public static BehaviourMetrics? Of(BehaviourReport? drawn, BehaviourReport? settled, double payRankTrainer, double payRankProvider) =>
        drawn is null || settled is null ? null : new BehaviourMetrics(drawn, settled, payRankTrainer, payRankProvider);
}
