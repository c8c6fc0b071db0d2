using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Hosting.Engines;

public enum EngineKind { Orleans, Direct }

/// <summary>A run in progress on one engine; both engines run the same domain epoch loop.</summary>
public interface ISimulationEngine : IAsyncDisposable
{
    Task StartAsync(string runId, string resolvedScenario, CancellationToken ct);

    /// <summary>Completes up to <paramref name="maxEpochs"/> more epochs; returns their metrics.</summary>
    Task<(IReadOnlyList<EpochMetrics> Rows, bool Complete)> AdvanceAsync(int maxEpochs, CancellationToken ct);

    /// <summary>After <see cref="AdvanceAsync"/>: the epoch recorded in agents.parquet that completed with its rows, or null. Its rows wait
    /// in the shards until <see cref="TakeAgentRowsAsync"/>, which must come before the next <see cref="AdvanceAsync"/>.</summary>
    int? AgentsEpoch { get; }

    /// <summary>The rows of <see cref="AgentsEpoch"/>, one shard at a time in agent-id order; a shard's rows are valid until the next is
    /// asked for (the direct engine lends the shard's buffer).</summary>
    IAsyncEnumerable<AgentRows> TakeAgentRowsAsync(CancellationToken ct);

    /// <summary>The endpoint of the silo that hosts the run's coordinator; null without Orleans.</summary>
    string? Silo => null;

    /// <summary>Times the run continued on other silos after a silo was lost (its start retried included).</summary>
    int Recoveries => 0;
}
