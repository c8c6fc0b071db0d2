using Orleans.Concurrency;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts;

/// <summary>Hosts the agents [First, First + Count) of one run. Key: <see cref="GrainKeys.Shard"/>.</summary>
public interface IAgentShardGrain : IGrainWithStringKey
{
    /// <summary>Creates the agents; returns Σ initial balances (base units).</summary>
    Task<long> Initialize(ShardSetup setup);

    // Immutable<T>: a silo-local call hands the same objects over instead of deep-copying their
    // arrays (neither side mutates a message once sent); per-agent grains make that copy dominate.
    Task<Immutable<StepReport>> Step(Immutable<StepOrder> order);

    /// <summary>The shard's agent rows of a recorded epoch that has settled (agents.parquet), taken once.</summary>
    Task<AgentRows> TakeAgentRows(int epoch);

    /// <summary>The shard's complete state, for a checkpoint.</summary>
    Task<byte[]> SaveState();

    /// <summary>Loads a checkpointed state into the agents just created by <see cref="Initialize"/>.</summary>
    Task LoadState(byte[] state);

    /// <summary>The run is over: drop the agents and deactivate, so finished runs hold no memory.</summary>
    Task Release();
}

/// <summary>What a shard needs to create its agents: the run, its resolved scenario and its id range.</summary>
[GenerateSerializer, Immutable, Alias("TokenEconSim.ShardSetup")]
public sealed record ShardSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ResolvedScenario,
    [property: Id(2)] int First,
    [property: Id(3)] int Count);
