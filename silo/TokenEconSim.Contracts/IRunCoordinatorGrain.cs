using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts;

/// <summary>
/// Owns one run's epoch loop: fans out to the shard grains, awaits all, aggregates in id order.
/// Simulated time advances only when a caller asks (<see cref="Advance"/>), never on a timer.
/// Key: the run id.
/// </summary>
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Creates the run's shard grains from a resolved scenario (YAML text).</summary>
    Task<RunStarted> Start(string resolvedScenario);

    /// <summary>As <see cref="Start"/>, taking checkpoints as <paramref name="plan"/> says.</summary>
    Task<RunStarted> StartCheckpointed(string resolvedScenario, CheckpointPlan plan);

    /// <summary>
    /// Continues a run from a checkpoint: <paramref name="checkpoint"/>, or when null the last one
    /// stored under <see cref="CheckpointPlan.Key"/>. The next <see cref="Advance"/> returns the
    /// epoch after it. Used on a new coordinator (a new key), so every grain of the run is fresh.
    /// </summary>
    Task<RunStarted> Resume(string resolvedScenario, CheckpointPlan plan, byte[]? checkpoint);

    /// <summary>Runs until <paramref name="maxEpochs"/> more epochs complete, an epoch recorded in agents.parquet completes, or the run
    /// ends.</summary>
    Task<EpochBatch> Advance(int maxEpochs);

    /// <summary>Shard <paramref name="shard"/>'s agent rows of the batch's <see cref="EpochBatch.AgentsEpoch"/>, taken once, shard by shard
    /// in shard order before the next <see cref="Advance"/>.</summary>
    Task<AgentRows> TakeAgentRows(int shard);

    /// <summary>Releases the shards of a complete run whose last batch had agent rows, once they are taken.</summary>
    Task Finish();
}

/// <summary>Checkpoints every <paramref name="Every"/> epochs, stored in grain storage under <paramref name="Key"/> (the run id).</summary>
[GenerateSerializer, Immutable, Alias("TokenEconSim.CheckpointPlan")]
public sealed record CheckpointPlan([property: Id(0)] string Key, [property: Id(1)] int Every);

/// <summary>A run's last checkpoint in grain storage (key: the run id), so any silo can continue it.</summary>
public interface IRunCheckpointGrain : IGrainWithStringKey
{
    Task Save(int epoch, byte[] checkpoint);

    /// <summary>The last checkpoint's epoch and bytes; epoch −1 and no bytes when there is none.</summary>
    Task<StoredCheckpoint> Load();

    /// <summary>The last checkpoint's epoch, −1 when there is none (without sending its bytes).</summary>
    Task<int> Epoch();
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.StoredCheckpoint")]
public sealed record StoredCheckpoint([property: Id(0)] int Epoch, [property: Id(1)] byte[] Bytes);

[GenerateSerializer, Immutable, Alias("TokenEconSim.RunStarted")]
public sealed record RunStarted([property: Id(0)] int Shards, [property: Id(1)] int Agents, [property: Id(2)] int Epochs)
{
    /// <summary>The first epoch the next <c>Advance</c> returns: 0, or the epoch of the checkpoint resumed from.</summary>
    [Id(3)] public int FromEpoch { get; init; }

    /// <summary>The endpoint (address:port) of the silo the coordinator runs on, so that a sweep can count its runs per silo.</summary>
    [Id(4)] public string? Silo { get; init; }
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.EpochBatch")]
public sealed record EpochBatch([property: Id(0)] EpochMetrics[] Epochs, [property: Id(1)] bool Complete)
{
    /// <summary>The last checkpoint taken during this batch (its bytes), if any.</summary>
    [Id(2)] public byte[]? Checkpoint { get; init; }

    /// <summary>The epochs <see cref="Checkpoint"/> completes.</summary>
    [Id(3)] public int CheckpointEpoch { get; init; }

    /// <summary>The epoch recorded in agents.parquet that completed with this batch (its rows wait in the shards:
    /// <see cref="IRunCoordinatorGrain.TakeAgentRows"/>), or null.</summary>
    [Id(4)] public int? AgentsEpoch { get; init; }
}

public static class GrainKeys
{
    public static string Shard(string runId, int index) => $"{runId}/{index}";

    public static string Miner(string runId, int index) => $"{runId}/miner/{index}";

    public static string Validator(string runId, int index) => $"{runId}/validator/{index}";

    public static string Chain(string runId) => $"{runId}/chain";

    public static string Predictor(string runId) => $"{runId}/predictor";
}
