using TokenEconSim.Domain.Learning.Federated;

namespace TokenEconSim.Contracts.Surrogates;

// Orleans codecs for federated learning's shard messages (see ShardMessageSurrogates.cs for why
// surrogates). Each [Id] is part of the wire format: never renumber, only add.

[GenerateSerializer, Immutable, Alias("TokenEconSim.BatchDescriptor")]
public readonly record struct BatchDescriptorSurrogate(
    [property: Id(0)] int ProviderId, [property: Id(1)] int Records, [property: Id(2)] double Care, [property: Id(3)] ulong Seed);

[RegisterConverter]
public sealed class BatchDescriptorConverter : IConverter<BatchDescriptor, BatchDescriptorSurrogate>
{
    public BatchDescriptor ConvertFromSurrogate(in BatchDescriptorSurrogate s) => new(s.ProviderId, s.Records, s.Care, s.Seed);
    public BatchDescriptorSurrogate ConvertToSurrogate(in BatchDescriptor v) => new(v.ProviderId, v.Records, v.Care, v.Seed);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.TrainerUpdate")]
public readonly record struct TrainerUpdateSurrogate([property: Id(0)] int TrainerId, [property: Id(1)] long Samples,
    [property: Id(2)] double[] Delta, [property: Id(3)] double GpuHours);

[RegisterConverter]
public sealed class TrainerUpdateConverter : IConverter<TrainerUpdate, TrainerUpdateSurrogate>
{
    public TrainerUpdate ConvertFromSurrogate(in TrainerUpdateSurrogate s) => new(s.TrainerId, s.Samples, s.Delta, s.GpuHours);
    public TrainerUpdateSurrogate ConvertToSurrogate(in TrainerUpdate v) => new(v.TrainerId, v.Samples, v.Delta, v.GpuHours);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.LearningOrder")]
public readonly record struct LearningOrderSurrogate(
    [property: Id(0)] double[] GlobalWeights, [property: Id(1)] BatchDescriptor[] Batches, [property: Id(2)] int[] BatchStart,
    [property: Id(3)] double[] RegionShares, [property: Id(4)] double ModelAccuracy, [property: Id(5)] double[] ValidationGradient);

[RegisterConverter]
public sealed class LearningOrderConverter : IConverter<LearningOrder, LearningOrderSurrogate>
{
    public LearningOrder ConvertFromSurrogate(in LearningOrderSurrogate s) =>
        new(s.GlobalWeights, s.Batches, s.BatchStart, s.RegionShares, s.ModelAccuracy, s.ValidationGradient);
    public LearningOrderSurrogate ConvertToSurrogate(in LearningOrder v) =>
        new(v.GlobalWeights, v.Batches, v.BatchStart, v.RegionShares, v.ModelAccuracy, v.ValidationGradient);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.LearningReport")]
public readonly record struct LearningReportSurrogate(
    [property: Id(0)] BatchDescriptor[] Batches, [property: Id(1)] long[] RegionCounts, [property: Id(2)] TrainerUpdate[] Updates,
    [property: Id(3)] double[] BatchValues, [property: Id(4)] double[] BatchInfluences);

[RegisterConverter]
public sealed class LearningReportConverter : IConverter<LearningReport, LearningReportSurrogate>
{
    public LearningReport ConvertFromSurrogate(in LearningReportSurrogate s) =>
        new(s.Batches, s.RegionCounts, s.Updates, s.BatchValues, s.BatchInfluences);
    public LearningReportSurrogate ConvertToSurrogate(in LearningReport v) =>
        new(v.Batches, v.RegionCounts, v.Updates, v.BatchValues, v.BatchInfluences);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.LearningScore")]
public readonly record struct LearningScoreSurrogate([property: Id(0)] bool UpdateAccepted, [property: Id(1)] double[] AccuracyGains);

[RegisterConverter]
public sealed class LearningScoreConverter : IConverter<LearningScore, LearningScoreSurrogate>
{
    public LearningScore ConvertFromSurrogate(in LearningScoreSurrogate s) => new(s.UpdateAccepted, s.AccuracyGains);
    public LearningScoreSurrogate ConvertToSurrogate(in LearningScore v) => new(v.UpdateAccepted, v.AccuracyGains);
}
