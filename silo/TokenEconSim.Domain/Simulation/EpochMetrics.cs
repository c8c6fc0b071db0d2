using TokenEconSim.Domain.Agents;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// One epoch's row of metrics.csv. Token amounts are base units (10⁻⁸ token); the column table in
/// <see cref="MetricColumns"/> names and formats them.
/// </summary>
public sealed record EpochMetrics
{
    public required int Epoch { get; init; }
    public required long Supply { get; init; }
    public required long Minted { get; init; }
    public required long Burned { get; init; }
    public required long Treasury { get; init; }
    /// <summary>Minted this epoch / supply at the start of the epoch (a per-epoch rate, not annualised).</summary>
    public required double Inflation { get; init; }
    /// <summary>Gini of agents' balances after the epoch's rewards.</summary>
    public required double Gini { get; init; }
    public required long Pool { get; init; }
    public required long FeesPaid { get; init; }
    public required long FeesBurned { get; init; }
    public required long Calls { get; init; }
    public required bool Accepted { get; init; }
    public required int ValidVotes { get; init; }
    public required int Quorum { get; init; }
    public required int Blocks { get; init; }
    /// <summary>Mean seconds between blocks ending in this epoch; NaN with no block.</summary>
    public required double MeanBlockTime { get; init; }
    /// <summary>(mean block time − target) / target.</summary>
    public required double BlockTimeDeviation { get; init; }
    public required double Hashrate { get; init; }
    public required double Difficulty { get; init; }
    public required double MeanQuality { get; init; }
    public required double Alpha { get; init; }
    public required double Beta { get; init; }
    public required double Gamma { get; init; }
    public required double ValueData { get; init; }
    public required double ValueTraining { get; init; }
    public required double ValueUsage { get; init; }
    /// <summary>Sample standard deviation of this epoch's block intervals; NaN with fewer than two.</summary>
    public double BlockTimeSd { get; init; } = double.NaN;
    /// <summary>99th percentile (nearest rank) of this epoch's block intervals; NaN with no block.</summary>
    public double BlockTimeP99 { get; init; } = double.NaN;
    /// <summary>Hashrate a node would infer from the chain: Σ expected hashes of the epoch's blocks / elapsed time.</summary>
    public double HashrateEstimated { get; init; } = double.NaN;
    /// <summary>lstm / lstm_asert: the forecast Ĥ of the next window's hashrate in force at the epoch's end.</summary>
    public double HashratePredicted { get; init; } = double.NaN;
    /// <summary>Fewest miners holding more than half the hashrate (0 with none).</summary>
    public int NakamotoHashrate { get; init; }
    /// <summary>Fewest validators holding more than half the stake (0 with none).</summary>
    public int NakamotoStake { get; init; }
    public int SlashEvents { get; init; }
    /// <summary>Tokens burned by slashing this epoch (base units; part of <see cref="Burned"/>).</summary>
    public long Slashed { get; init; }
    public int MissedSlots { get; init; }
    /// <summary>PBFT protocol rounds until every honest validator committed (or the limit); 0 without PBFT.</summary>
    public int PbftRounds { get; init; }
    public int ViewChanges { get; init; }
    /// <summary>This epoch's blocks, in height order (blocks.csv).</summary>
    public IReadOnlyList<Consensus.BlockRecord> BlockRecords { get; init; } = [];
    public required long[] RewardsByRole { get; init; }
    public required int[] ActiveByRole { get; init; }
    public required int[] PopulationByRole { get; init; }
    /// <summary>Federated learning: validation accuracy of the global model after the epoch (NaN without it).</summary>
    public double ModelAccuracy { get; init; } = double.NaN;
    /// <summary>Federated learning: validation log-loss of the global model after the epoch (NaN without it).</summary>
    public double ModelLoss { get; init; } = double.NaN;
    /// <summary>Federated learning: whether the epoch's aggregated update was accepted (null without it).</summary>
    public bool? UpdateAccepted { get; init; }
    /// <summary>Federated learning: trainers' updates aggregated this epoch.</summary>
    public int TrainerUpdates { get; init; }
    /// <summary>Governance, token market and marketplace (all zero, price 1, when they are off).</summary>
    public EconomyMetrics Economy { get; init; } = EconomyMetrics.None;

    public long RewardTotal(Role role) => RewardsByRole[(int)role];

    /// <summary>Mean reward over the role's whole population (not only its active members), in base units.</summary>
    public double RewardMean(Role role) =>
        PopulationByRole[(int)role] == 0 ? 0 : RewardsByRole[(int)role] / (double)PopulationByRole[(int)role];
}

public enum MetricUnit { Count, Tokens, Ratio, Seconds, Flag, Value }

/// <summary>A column of metrics.csv: snake_case name, unit, and how to read it from a row (tokens as base units).</summary>
public sealed record MetricColumn(string Name, MetricUnit Unit, Func<EpochMetrics, double> Read, string Description);

/// <summary>The metrics.csv columns in order: one definition used by the CSV, the charts and the docs.</summary>
public static class MetricColumns
{
    public static readonly IReadOnlyList<MetricColumn> All = Build();

    public static MetricColumn Named(string name) => All.First(c => c.Name == name);

    private static List<MetricColumn> Build()
    {
        var columns = new List<MetricColumn>
        {
            new("epoch", MetricUnit.Count, m => m.Epoch, "epoch index, from 0"),
            new("supply", MetricUnit.Tokens, m => m.Supply, "total supply at the end of the epoch (balances + treasury)"),
            new("minted", MetricUnit.Tokens, m => m.Minted, "tokens minted this epoch"),
            new("burned", MetricUnit.Tokens, m => m.Burned, "tokens burned this epoch"),
            new("treasury", MetricUnit.Tokens, m => m.Treasury, "undistributed pool funds carried to the next epoch"),
            new("inflation", MetricUnit.Ratio, m => m.Inflation, "minted / supply at the start of the epoch"),
            new("gini", MetricUnit.Ratio, m => m.Gini, "Gini coefficient of agents' balances"),
            new("pool", MetricUnit.Tokens, m => m.Pool, "reward pool offered to D/T/U (pool mode)"),
            new("fees_paid", MetricUnit.Tokens, m => m.FeesPaid, "service fees paid by users"),
            new("fees_burned", MetricUnit.Tokens, m => m.FeesBurned, "part of the fees burned"),
            new("calls", MetricUnit.Count, m => m.Calls, "service calls made"),
            new("accepted", MetricUnit.Flag, m => m.Accepted ? 1 : 0, "1 when the validator committee accepted the epoch"),
            new("valid_votes", MetricUnit.Count, m => m.ValidVotes, "validators voting the epoch valid"),
            new("quorum", MetricUnit.Count, m => m.Quorum, "votes needed (2f+1)"),
            new("blocks", MetricUnit.Count, m => m.Blocks, "blocks produced in the epoch"),
            new("mean_block_time", MetricUnit.Seconds, m => m.MeanBlockTime, "mean seconds between blocks (empty with no block)"),
            new("block_time_deviation", MetricUnit.Ratio, m => m.BlockTimeDeviation, "(mean block time - target) / target"),
            new("block_time_sd", MetricUnit.Seconds, m => m.BlockTimeSd, "standard deviation of block intervals (empty with < 2 blocks)"),
            new("block_time_p99", MetricUnit.Seconds, m => m.BlockTimeP99, "99th percentile of block intervals (empty with no block)"),
            new("hashrate", MetricUnit.Value, m => m.Hashrate, "true total hashrate of active miners (H/s)"),
            new("hashrate_estimated", MetricUnit.Value, m => m.HashrateEstimated, "hashrate inferred from the chain: expected hashes of the epoch's blocks / elapsed seconds"),
            new("hashrate_predicted", MetricUnit.Value, m => m.HashratePredicted, "lstm, lstm_asert: forecast of the next window's hashrate in force at the epoch's end (empty otherwise)"),
            new("difficulty", MetricUnit.Value, m => m.Difficulty, "PoW difficulty at the epoch's last block (expected hashes / 2^32 per block)"),
            new("nakamoto_hashrate", MetricUnit.Count, m => m.NakamotoHashrate, "fewest miners with more than half the hashrate"),
            new("nakamoto_stake", MetricUnit.Count, m => m.NakamotoStake, "fewest validators with more than half the stake"),
            new("slash_events", MetricUnit.Count, m => m.SlashEvents, "equivocations slashed"),
            new("slashed", MetricUnit.Tokens, m => m.Slashed, "tokens burned by slashing"),
            new("missed_slots", MetricUnit.Count, m => m.MissedSlots, "block slots a DPoS producer missed"),
            new("pbft_rounds", MetricUnit.Count, m => m.PbftRounds, "PBFT rounds to commit the epoch (0 without PBFT)"),
            new("view_changes", MetricUnit.Count, m => m.ViewChanges, "PBFT view changes"),
            new("mean_quality", MetricUnit.Ratio, m => m.MeanQuality, "mean quality q of active providers' batches"),
            new("alpha", MetricUnit.Ratio, m => m.Alpha, "reward weight of V_D"),
            new("beta", MetricUnit.Ratio, m => m.Beta, "reward weight of V_T"),
            new("gamma", MetricUnit.Ratio, m => m.Gamma, "reward weight of V_U"),
            new("value_data", MetricUnit.Value, m => m.ValueData, "sum of V_D"),
            new("value_training", MetricUnit.Value, m => m.ValueTraining, "sum of V_T (0 when the epoch is rejected)"),
            new("value_usage", MetricUnit.Value, m => m.ValueUsage, "sum of V_U"),
        };
        foreach (var role in Roles.All)
            columns.Add(new($"reward_total_{role.Key()}", MetricUnit.Tokens, m => m.RewardTotal(role), $"tokens paid to {role.Title().ToLowerInvariant()}"));
        foreach (var role in Roles.All)
            columns.Add(new($"reward_mean_{role.Key()}", MetricUnit.Tokens, m => m.RewardMean(role), $"mean tokens per {role.Key()} (whole population)"));
        foreach (var role in Roles.All)
            columns.Add(new($"active_{role.Key()}", MetricUnit.Count, m => m.ActiveByRole[(int)role], $"{role.Title().ToLowerInvariant()} taking part"));
        columns.Add(new("model_accuracy", MetricUnit.Ratio, m => m.ModelAccuracy, "federated learning: validation accuracy of the global model after the epoch (empty otherwise)"));
        columns.Add(new("model_loss", MetricUnit.Value, m => m.ModelLoss, "federated learning: validation log-loss of the global model, nats per sample (empty otherwise)"));
        columns.Add(new("update_accepted", MetricUnit.Flag, m => m.UpdateAccepted is { } a ? (a ? 1 : 0) : double.NaN, "federated learning: 1 when the validators accepted the epoch's model update (empty otherwise)"));
        columns.Add(new("trainer_updates", MetricUnit.Count, m => m.TrainerUpdates, "federated learning: trainers' updates aggregated in the epoch"));
        columns.AddRange(EconomyColumns.All);
        return columns;
    }
}
