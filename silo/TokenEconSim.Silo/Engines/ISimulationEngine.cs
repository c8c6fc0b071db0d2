using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Silo.Engines;

public enum EngineKind { Orleans, Direct }

/// <summary>A run in progress on one engine; both engines run the same domain epoch loop.</summary>
public interface ISimulationEngine : IAsyncDisposable
{
    Task StartAsync(string runId, string resolvedScenario, CancellationToken ct);

    /// <summary>Completes up to <paramref name="maxEpochs"/> more epochs; returns their metrics.</summary>
    Task<(IReadOnlyList<EpochMetrics> Rows, bool Complete)> AdvanceAsync(int maxEpochs, CancellationToken ct);

    /// <summary>
    /// Once <see cref="AdvanceAsync"/> has said the run is complete: the responding agents' totals over the whole run, in agent-id order
    /// (agents.csv); null when every population is fixed.
    /// </summary>
    Task<AgentTotals?> AgentTotalsAsync(CancellationToken ct);
}
