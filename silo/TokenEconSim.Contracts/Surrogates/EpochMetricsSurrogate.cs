using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts.Surrogates;

/// <summary>Orleans codec for <see cref="EpochMetrics"/> (see ShardMessageSurrogates.cs for why surrogates).</summary>
[GenerateSerializer, Immutable, Alias("TokenEconSim.EpochMetrics")]
public struct EpochMetricsSurrogate
{
    [Id(0)] public int Epoch;
    [Id(1)] public long Supply;
    [Id(2)] public long Minted;
    [Id(3)] public long Burned;
    [Id(4)] public long Treasury;
    [Id(5)] public double Inflation;
    [Id(6)] public double Gini;
    [Id(7)] public long Pool;
    [Id(8)] public long FeesPaid;
    [Id(9)] public long FeesBurned;
    [Id(10)] public long Calls;
    [Id(11)] public bool Accepted;
    [Id(12)] public int ValidVotes;
    [Id(13)] public int Quorum;
    [Id(14)] public int Blocks;
    [Id(15)] public double MeanBlockTime;
    [Id(16)] public double BlockTimeDeviation;
    [Id(17)] public double Hashrate;
    [Id(18)] public double Difficulty;
    [Id(19)] public double MeanQuality;
    [Id(20)] public double Alpha;
    [Id(21)] public double Beta;
    [Id(22)] public double Gamma;
    [Id(23)] public double ValueData;
    [Id(24)] public double ValueTraining;
    [Id(25)] public double ValueUsage;
    [Id(26)] public long[] RewardsByRole;
    [Id(27)] public int[] ActiveByRole;
    [Id(28)] public int[] PopulationByRole;
    [Id(29)] public double BlockTimeSd;
    [Id(30)] public double BlockTimeP99;
    [Id(31)] public double HashrateEstimated;
    [Id(32)] public int NakamotoHashrate;
    [Id(33)] public int NakamotoStake;
    [Id(34)] public int SlashEvents;
    [Id(35)] public long Slashed;
    [Id(36)] public int MissedSlots;
    [Id(37)] public int PbftRounds;
    [Id(38)] public int ViewChanges;
    [Id(39)] public BlockRecord[] BlockRecords;
    [Id(40)] public double HashratePredicted;
    [Id(41)] public double ModelAccuracy;
    [Id(42)] public double ModelLoss;
    [Id(43)] public bool? UpdateAccepted;
    [Id(44)] public int TrainerUpdates;
    /// <summary>EconomyMetrics in its own exact binary form (EconomyMetrics.Write/Read).</summary>
    [Id(45)] public byte[] Economy;
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.BlockRecord")]
public readonly record struct BlockRecordSurrogate(
    [property: Id(0)] long Height, [property: Id(1)] int Epoch, [property: Id(2)] double Time,
    [property: Id(3)] int ProducerId, [property: Id(4)] uint Bits, [property: Id(5)] string Hash);

[RegisterConverter]
public sealed class BlockRecordConverter : IConverter<BlockRecord, BlockRecordSurrogate>
{
    public BlockRecord ConvertFromSurrogate(in BlockRecordSurrogate s) => new(s.Height, s.Epoch, s.Time, s.ProducerId, s.Bits, s.Hash);
    public BlockRecordSurrogate ConvertToSurrogate(in BlockRecord v) => new(v.Height, v.Epoch, v.Time, v.ProducerId, v.Bits, v.Hash);
}

[RegisterConverter]
public sealed class EpochMetricsConverter : IConverter<EpochMetrics, EpochMetricsSurrogate>
{
    public EpochMetrics ConvertFromSurrogate(in EpochMetricsSurrogate s) => new()
    {
        Epoch = s.Epoch, Supply = s.Supply, Minted = s.Minted, Burned = s.Burned, Treasury = s.Treasury,
        Inflation = s.Inflation, Gini = s.Gini, Pool = s.Pool, FeesPaid = s.FeesPaid, FeesBurned = s.FeesBurned,
        Calls = s.Calls, Accepted = s.Accepted, ValidVotes = s.ValidVotes, Quorum = s.Quorum, Blocks = s.Blocks,
        MeanBlockTime = s.MeanBlockTime, BlockTimeDeviation = s.BlockTimeDeviation, Hashrate = s.Hashrate,
        Difficulty = s.Difficulty, MeanQuality = s.MeanQuality, Alpha = s.Alpha, Beta = s.Beta, Gamma = s.Gamma,
        ValueData = s.ValueData, ValueTraining = s.ValueTraining, ValueUsage = s.ValueUsage,
        RewardsByRole = s.RewardsByRole, ActiveByRole = s.ActiveByRole, PopulationByRole = s.PopulationByRole,
        BlockTimeSd = s.BlockTimeSd, BlockTimeP99 = s.BlockTimeP99, HashrateEstimated = s.HashrateEstimated,
        NakamotoHashrate = s.NakamotoHashrate, NakamotoStake = s.NakamotoStake, SlashEvents = s.SlashEvents, Slashed = s.Slashed,
        MissedSlots = s.MissedSlots, PbftRounds = s.PbftRounds, ViewChanges = s.ViewChanges, BlockRecords = s.BlockRecords ?? [], HashratePredicted = s.HashratePredicted,
        ModelAccuracy = s.ModelAccuracy, ModelLoss = s.ModelLoss, UpdateAccepted = s.UpdateAccepted, TrainerUpdates = s.TrainerUpdates,
        Economy = EconomySurrogates.ReadMetrics(s.Economy),
    };

    public EpochMetricsSurrogate ConvertToSurrogate(in EpochMetrics v) => new()
    {
        Epoch = v.Epoch, Supply = v.Supply, Minted = v.Minted, Burned = v.Burned, Treasury = v.Treasury,
        Inflation = v.Inflation, Gini = v.Gini, Pool = v.Pool, FeesPaid = v.FeesPaid, FeesBurned = v.FeesBurned,
        Calls = v.Calls, Accepted = v.Accepted, ValidVotes = v.ValidVotes, Quorum = v.Quorum, Blocks = v.Blocks,
        MeanBlockTime = v.MeanBlockTime, BlockTimeDeviation = v.BlockTimeDeviation, Hashrate = v.Hashrate,
        Difficulty = v.Difficulty, MeanQuality = v.MeanQuality, Alpha = v.Alpha, Beta = v.Beta, Gamma = v.Gamma,
        ValueData = v.ValueData, ValueTraining = v.ValueTraining, ValueUsage = v.ValueUsage,
        RewardsByRole = v.RewardsByRole, ActiveByRole = v.ActiveByRole, PopulationByRole = v.PopulationByRole,
        BlockTimeSd = v.BlockTimeSd, BlockTimeP99 = v.BlockTimeP99, HashrateEstimated = v.HashrateEstimated,
        NakamotoHashrate = v.NakamotoHashrate, NakamotoStake = v.NakamotoStake, SlashEvents = v.SlashEvents, Slashed = v.Slashed,
        MissedSlots = v.MissedSlots, PbftRounds = v.PbftRounds, ViewChanges = v.ViewChanges, BlockRecords = [.. v.BlockRecords], HashratePredicted = v.HashratePredicted,
        ModelAccuracy = v.ModelAccuracy, ModelLoss = v.ModelLoss, UpdateAccepted = v.UpdateAccepted, TrainerUpdates = v.TrainerUpdates,
        Economy = EconomySurrogates.WriteMetrics(v.Economy),
    };
}
