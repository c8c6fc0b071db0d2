using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts.Surrogates;

/// <summary>
/// Orleans codec for <see cref="EpochMetrics"/> (see ShardMessageSurrogates.cs for why surrogates).
/// Every declared column travels in <see cref="Values"/>, so a new column needs no line here.
/// </summary>
[GenerateSerializer, Immutable, Alias("TokenEconSim.EpochMetrics")]
public struct EpochMetricsSurrogate
{
    /// <summary>Every stored column, in <see cref="MetricColumns.Stored"/> order (<see cref="MetricValues.CopyValues"/>).</summary>
    [Id(0)] public long[] Values;
    [Id(1)] public BlockRecord[] BlockRecords;
    [Id(2)] public int[] PopulationByRole;
    /// <summary>The economy's votes and sales (EconomyMetrics.WriteRecords); null when the economy is off.</summary>
    [Id(3)] public byte[]? EconomyRecords;
}

/// <summary>A block; <see cref="ParentHash"/> is null without the network (the other network fields are then unused).</summary>
[GenerateSerializer, Immutable, Alias("TokenEconSim.BlockRecord")]
public readonly record struct BlockRecordSurrogate(
    [property: Id(0)] long Height, [property: Id(1)] int Epoch, [property: Id(2)] double Time,
    [property: Id(3)] int ProducerId, [property: Id(4)] uint Bits, [property: Id(5)] string Hash,
    [property: Id(6)] string? ParentHash = null, [property: Id(7)] bool OnMainChain = false, [property: Id(8)] double Reach50 = 0,
    [property: Id(9)] double Reach90 = 0);

[RegisterConverter]
public sealed class BlockRecordConverter : IConverter<BlockRecord, BlockRecordSurrogate>
{
    public BlockRecord ConvertFromSurrogate(in BlockRecordSurrogate s) => new(s.Height, s.Epoch, s.Time, s.ProducerId, s.Bits, s.Hash)
    {
        Network = s.ParentHash is { } parent ? new NetworkBlock(parent, s.OnMainChain, s.Reach50, s.Reach90) : null,
    };

    public BlockRecordSurrogate ConvertToSurrogate(in BlockRecord v) => v.Network is { } n
        ? new(v.Height, v.Epoch, v.Time, v.ProducerId, v.Bits, v.Hash, n.ParentHash, n.OnMainChain, n.Reach50, n.Reach90)
        : new(v.Height, v.Epoch, v.Time, v.ProducerId, v.Bits, v.Hash);
}

[RegisterConverter]
public sealed class EpochMetricsConverter : IConverter<EpochMetrics, EpochMetricsSurrogate>
{
    public EpochMetrics ConvertFromSurrogate(in EpochMetricsSurrogate s) =>
        EpochMetrics.Restore(s.Values ?? [], s.BlockRecords ?? [], s.PopulationByRole ?? [], EconomySurrogates.ReadRecords(s.EconomyRecords));

    public EpochMetricsSurrogate ConvertToSurrogate(in EpochMetrics v) => new()
    {
        Values = v.CopyValues(),
        BlockRecords = [.. v.BlockRecords],
        PopulationByRole = v.PopulationByRole,
        EconomyRecords = EconomySurrogates.WriteRecords(v.Economy),
    };
}
