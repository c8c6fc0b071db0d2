using TokenEconSim.Domain.Parameters;
using static TokenEconSim.Domain.Simulation.ChartGroups;
using Png = TokenEconSim.Domain.Simulation.ChartGroups.Png;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The peer-to-peer network under proof of work (docs/model.md §19.6): optional groups, in metrics.csv only with network.topology other
/// than none, so other scenarios' columns are unchanged. An epoch's counts are over the blocks it settled: the heights that became
/// network.confirmations deep in it, and blocks found in it at heights settled before (stale at once).
/// </summary>
public static class NetworkColumns
{
    public static readonly MetricGroup Group = new("network", "the peer-to-peer network: forks, stale blocks, propagation",
        scenario => scenario.Network.Enabled);

    public static readonly MetricColumn<int> BlocksFound = Group.Declare<int>("network_blocks_found", MetricUnit.Count,
        "blocks found in the epoch on every branch (the blocks column counts the main-chain blocks it settled and paid)", None);
    public static readonly MetricColumn<int> StaleBlocks = Group.Declare<int>("stale_blocks", MetricUnit.Count,
        "blocks the epoch settled off the main chain (orphaned: found, never paid)", None);
    public static readonly MetricColumn<double> StaleRate = Group.Declare("stale_rate", MetricUnit.Ratio,
        "stale_blocks / (stale_blocks + blocks); empty when the epoch settled no block", [Png.Network.Series("Stale rate")], double.NaN);
    public static readonly MetricColumn<int> MaxForkDepth = Group.Declare<int>("max_fork_depth", MetricUnit.Count,
        "the deepest of the epoch's stale blocks: its height above its last main-chain ancestor (1: a sibling of a main-chain block)", None);
    public static readonly MetricColumn<double> Reach50 = Group.Declare("reach50_mean", MetricUnit.Seconds,
        "mean over the epoch's settled blocks of the time from release to half the nodes holding the block", None, double.NaN);
    public static readonly MetricColumn<double> Reach90 = Group.Declare("reach90_mean", MetricUnit.Seconds,
        "the same to nine tenths of the nodes", [Png.Network.Series("Seconds to reach 90 % of nodes", rightAxis: true)], double.NaN);
}

/// <summary>The attacking pool (network.attacker), in metrics.csv only when it has a strategy.</summary>
public static class NetworkAttackerColumns
{
    public static readonly MetricGroup Group = new("network_attacker", "the attacking pool's hashrate and revenue",
        scenario => scenario.Network.Enabled && scenario.Network.Attacker.Strategy != AttackStrategy.None);

    public static readonly MetricColumn<double> HashrateShare = Group.Declare("attacker_hashrate_share", MetricUnit.Ratio,
        "the pool's share α of the network's hashrate in the epoch", None, double.NaN);
    public static readonly MetricColumn<double> RevenueShare = Group.Declare("attacker_revenue_share", MetricUnit.Ratio,
        "the pool's share of the main-chain blocks settled since the run began (its relative revenue; honest mining earns α)", None,
        double.NaN);
}

/// <summary>The double-spend attacker (network.attacker.strategy: double_spend), in metrics.csv only with it.</summary>
public static class DoubleSpendColumns
{
    public static readonly MetricGroup Group = new("network_double_spend", "the double-spend attacker's attempts and successes",
        scenario => scenario.Network.Enabled && scenario.Network.Attacker.Strategy == AttackStrategy.DoubleSpend);

    public static readonly MetricColumn<int> Attempts = Group.Declare<int>("double_spend_attempts", MetricUnit.Count,
        "payments the attacker made in the epoch (each after pre-mining a block on the public tip)", None);
    public static readonly MetricColumn<int> Successes = Group.Declare<int>("double_spend_successes", MetricUnit.Count,
        "its branches published in the epoch after the merchant delivered: the payment reversed", None);
}

/// <summary>One epoch's network columns, every group's (only the enabled groups are written).</summary>
public sealed record NetworkMetrics : MetricValues
{
    public int BlocksFound { get => this[NetworkColumns.BlocksFound]; init => this[NetworkColumns.BlocksFound] = value; }
    public int StaleBlocks { get => this[NetworkColumns.StaleBlocks]; init => this[NetworkColumns.StaleBlocks] = value; }
    public double StaleRate { get => this[NetworkColumns.StaleRate]; init => this[NetworkColumns.StaleRate] = value; }
    public int MaxForkDepth { get => this[NetworkColumns.MaxForkDepth]; init => this[NetworkColumns.MaxForkDepth] = value; }
    public double Reach50 { get => this[NetworkColumns.Reach50]; init => this[NetworkColumns.Reach50] = value; }
    public double Reach90 { get => this[NetworkColumns.Reach90]; init => this[NetworkColumns.Reach90] = value; }
    public double AttackerHashrateShare
    {
        get => this[NetworkAttackerColumns.HashrateShare];
        init => this[NetworkAttackerColumns.HashrateShare] = value;
    }
    public double AttackerRevenueShare
    {
        get => this[NetworkAttackerColumns.RevenueShare];
        init => this[NetworkAttackerColumns.RevenueShare] = value;
    }
    public int DoubleSpendAttempts { get => this[DoubleSpendColumns.Attempts]; init => this[DoubleSpendColumns.Attempts] = value; }
    public int DoubleSpendSuccesses { get => this[DoubleSpendColumns.Successes]; init => this[DoubleSpendColumns.Successes] = value; }

    /// <summary>The groups this record fills, in column order.</summary>
    public static IReadOnlyList<MetricGroup> Groups { get; } = [NetworkColumns.Group, NetworkAttackerColumns.Group, DoubleSpendColumns.Group];
}
