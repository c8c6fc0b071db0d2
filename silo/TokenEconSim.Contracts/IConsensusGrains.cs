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
public readonly record struct ReplicaStatusMessage([property: Id(0)] byte[]? Decision, [property: Id(1)] long View,
    [property: Id(2)] int ViewChangesStarted);

/// <summary>A run's chain (key: the run id), validating every block before it appends it.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    Task Start(string resolvedScenario, uint genesisBits);

    /// <summary>Validates and appends an epoch's blocks in order, stopping at the first refusal; returns it (0 = all accepted).</summary>
    Task<ChainVerdictMessage> Submit(BlockSubmission[] blocks);

    /// <summary>Every header so far, as 80-byte serializations, for independent audits.</summary>
    Task<byte[][]> Headers();
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.BlockMessage")]
public sealed record BlockMessage([property: Id(0)] long Height, [property: Id(1)] byte[] Header, [property: Id(2)] byte[][] Transactions,
    [property: Id(3)] int ProducerId);

/// <summary>A block with the validation context the producer used: its "now" and its hashrate forecast, if any.</summary>
[GenerateSerializer, Immutable, Alias("TokenEconSim.BlockSubmission")]
public sealed record BlockSubmission([property: Id(0)] BlockMessage Block, [property: Id(1)] long Now,
    [property: Id(2)] double? PredictedHashrate, [property: Id(3)] double? LastHashrate, [property: Id(4)] double ForecastSkill = 0);

/// <param name="Height">The refused block's height (-1 when every block was accepted).</param>
[GenerateSerializer, Immutable, Alias("TokenEconSim.ChainVerdict")]
public readonly record struct ChainVerdictMessage([property: Id(0)] int Rejection, [property: Id(1)] string Reason,
    [property: Id(2)] long Height = -1);

/// <summary>A run's hashrate predictor (LSTM) with persisted state; key <see cref="GrainKeys.Predictor"/>.</summary>
public interface IPredictorGrain : IGrainWithStringKey
{
    /// <summary>Gives the predictor its run's resolved scenario, once per run (kept with its state, so a reactivated predictor has it too).</summary>
    Task Start(string resolvedScenario);

    /// <summary>
    /// Records a closed window's hashrate and context (token price, block reward in tokens, difficulty, header time); returns the
    /// forecast for the next window.
    /// </summary>
    Task<double?> Observe(double windowHashrate, double tokenPrice, double blockReward, double difficulty, long time);
}
