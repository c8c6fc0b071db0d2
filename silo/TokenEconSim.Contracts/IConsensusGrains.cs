using Orleans.Concurrency;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus;

namespace TokenEconSim.Contracts;

/// <summary>One miner of a run (key <see cref="GrainKeys.Miner"/>): grinds its nonce range of a proof-of-work round.</summary>
public interface IMinerGrain : IGrainWithStringKey
{
    Task<Immutable<GrindResult>> Grind(Immutable<GrindOrder> order);
}

/// <summary>
/// One validator of a run (key <see cref="GrainKeys.Validator"/>) holding its PBFT replica for the
/// current instance. Messages travel as <see cref="Wire.PbftWire"/> bytes; the coordinator relays
/// each round's messages in the canonical delivery order.
/// </summary>
public interface IValidatorGrain : IGrainWithStringKey
{
    Task<WireOutbound[]> Start(PbftSetupMessage setup, int replicaId);

    Task<WireOutbound[]> Step(byte[][] inbox);

    Task<ReplicaStatusMessage> Status();
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.WireOutbound")]
public readonly record struct WireOutbound([property: Id(0)] byte[] Message, [property: Id(1)] int? To);

[GenerateSerializer, Immutable, Alias("TokenEconSim.PbftSetup")]
public sealed record PbftSetupMessage(
    [property: Id(0)] int ReplicaCount, [property: Id(1)] long Sequence, [property: Id(2)] int TimeoutRounds,
    [property: Id(3)] int[] Behaviours, [property: Id(4)] byte[] Proposal, [property: Id(5)] byte[] Lie, [property: Id(6)] ulong Seed);

[GenerateSerializer, Immutable, Alias("TokenEconSim.ReplicaStatus")]
public readonly record struct ReplicaStatusMessage([property: Id(0)] byte[]? Decision, [property: Id(1)] long View, [property: Id(2)] int ViewChangesStarted);
