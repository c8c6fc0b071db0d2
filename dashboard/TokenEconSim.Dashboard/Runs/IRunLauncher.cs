using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>
/// Runs a scenario for the dashboard. The host implements it (the silo's run executor on the shared
/// silo), so this library needs no reference to the host and the grains.
/// </summary>
public interface IRunLauncher
{
    /// <summary>Runs to the end and returns the completed results folder; cancelled through <paramref name="ct"/>.</summary>
    Task<string> RunAsync(Scenario scenario, string source, RunHooks hooks, CancellationToken ct);

    /// <summary>The memory a run of <paramref name="scenario"/> takes on this launcher (RunFootprint, with the launcher's checkpoints).</summary>
    long EstimateBytes(Scenario scenario);
}

/// <summary>What a launcher reports: the run's id once it has one (before the first epoch), then every batch of epochs.</summary>
public sealed record RunHooks(Action<string> OnStarted, Action<IReadOnlyList<EpochMetrics>> OnEpochs);
