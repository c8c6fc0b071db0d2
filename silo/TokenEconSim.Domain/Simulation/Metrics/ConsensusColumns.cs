using static TokenEconSim.Domain.Simulation.ChartGroups;

namespace TokenEconSim.Domain.Simulation;

/// <summary>The validators' decision and the chain of the epoch (docs/model.md §4.10).</summary>
public static class ConsensusColumns
{
    public static readonly MetricGroup Group = new("consensus", "the validators' decision and the epoch's blocks");

    public static readonly MetricColumn<bool> Accepted = Group.Declare<bool>("accepted", MetricUnit.Flag,
        "1 when the validator committee accepted the epoch", None);
    public static readonly MetricColumn<int> ValidVotes = Group.Declare<int>("valid_votes", MetricUnit.Count,
        "validators voting the epoch valid", None);
    public static readonly MetricColumn<int> Quorum = Group.Declare<int>("quorum", MetricUnit.Count, "votes needed (2f+1)", None);
    public static readonly MetricColumn<int> Blocks = Group.Declare<int>("blocks", MetricUnit.Count, "blocks produced in the epoch", None);
    /// <summary>Mean seconds between blocks ending in this epoch; NaN with no block.</summary>
    public static readonly MetricColumn<double> MeanBlockTime = Group.Declare("mean_block_time", MetricUnit.Seconds,
        "mean seconds between blocks (empty with no block)",
        [Browser.BlockTime.Series("mean")], double.NaN);
    /// <summary>(mean block time − target) / target.</summary>
    public static readonly MetricColumn<double> BlockTimeDeviation = Group.Declare("block_time_deviation", MetricUnit.Ratio,
        "(mean block time - target) / target", None, double.NaN);
    /// <summary>Sample standard deviation of this epoch's block intervals; NaN with fewer than two.</summary>
    public static readonly MetricColumn<double> BlockTimeSd = Group.Declare("block_time_sd", MetricUnit.Seconds,
        "standard deviation of block intervals (empty with < 2 blocks)",
        [Browser.BlockTime.Series("std. deviation")], double.NaN);
    /// <summary>99th percentile (nearest rank) of this epoch's block intervals; NaN with no block.</summary>
    public static readonly MetricColumn<double> BlockTimeP99 = Group.Declare("block_time_p99", MetricUnit.Seconds,
        "99th percentile of block intervals (empty with no block)",
        [Browser.BlockTime.Series("99th percentile")], double.NaN);
    public static readonly MetricColumn<double> Hashrate = Group.Declare<double>("hashrate", MetricUnit.Value,
        "true total hashrate of active miners (H/s)",
        [Browser.DifficultyHashrate.Series("hashrate (true)", rightAxis: true), Png.DifficultyHashrate.Series("True hashrate", rightAxis: true)]);
    /// <summary>Hashrate a node would infer from the chain: Σ expected hashes of the epoch's blocks / elapsed time.</summary>
    public static readonly MetricColumn<double> HashrateEstimated = Group.Declare("hashrate_estimated", MetricUnit.Value,
        "hashrate inferred from the chain: expected hashes of the epoch's blocks / elapsed seconds",
        [Browser.DifficultyHashrate.Series("hashrate (from blocks)", rightAxis: true),
            Png.DifficultyHashrate.Series("Estimated hashrate (from blocks)", rightAxis: true)], double.NaN);
    /// <summary>lstm / lstm_asert: the forecast Ĥ of the next window's hashrate in force at the epoch's end.</summary>
    public static readonly MetricColumn<double> HashratePredicted = Group.Declare("hashrate_predicted", MetricUnit.Value,
        "lstm, lstm_asert: forecast of the next window's hashrate in force at the epoch's end (empty otherwise)",
        [Browser.DifficultyHashrate.Series("hashrate (LSTM forecast)", rightAxis: true, whenFilled: true)], double.NaN);
    public static readonly MetricColumn<double> Difficulty = Group.Declare<double>("difficulty", MetricUnit.Value,
        "PoW difficulty at the epoch's last block (expected hashes / 2^32 per block)",
        [Browser.DifficultyHashrate.Series("difficulty"), Png.DifficultyHashrate.Series("Difficulty")]);
    /// <summary>Fewest miners holding more than half the hashrate (0 with none).</summary>
    public static readonly MetricColumn<int> NakamotoHashrate = Group.Declare<int>("nakamoto_hashrate", MetricUnit.Count,
        "fewest miners with more than half the hashrate", None);
    /// <summary>Fewest validators holding more than half the stake (0 with none).</summary>
    public static readonly MetricColumn<int> NakamotoStake = Group.Declare<int>("nakamoto_stake", MetricUnit.Count,
        "fewest validators with more than half the stake", None);
    public static readonly MetricColumn<int> SlashEvents = Group.Declare<int>("slash_events", MetricUnit.Count, "equivocations slashed", None);
    /// <summary>Tokens burned by slashing this epoch (base units; part of <see cref="LedgerColumns.Burned"/>).</summary>
    public static readonly MetricColumn<long> Slashed = Group.Declare<long>("slashed", MetricUnit.Tokens, "tokens burned by slashing", None);
    public static readonly MetricColumn<int> MissedSlots = Group.Declare<int>("missed_slots", MetricUnit.Count,
        "block slots a DPoS producer missed", None);
    /// <summary>PBFT protocol rounds until every honest validator committed (or the limit); 0 without PBFT.</summary>
    public static readonly MetricColumn<int> PbftRounds = Group.Declare<int>("pbft_rounds", MetricUnit.Count,
        "PBFT rounds to commit the epoch (0 without PBFT)", None);
    public static readonly MetricColumn<int> ViewChanges = Group.Declare<int>("view_changes", MetricUnit.Count, "PBFT view changes", None);
}
