using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Dashboard.Serve;

/// <summary>
/// The dashboard's runs go through the same executor as `silo run`, on the served silo, into the runs folder, each in a
/// folder named by its run id.
/// </summary>
public sealed class ExecutorLauncher(IGrainFactory grains, string runsFolder) : IRunLauncher
{
    public async Task<string> RunAsync(Scenario scenario, string source, RunHooks hooks, CancellationToken ct)
    {
        var request = new RunRequest(source, [], runsFolder, EngineKind.Orleans, ShowProgress: false)
        {
            Scenario = scenario,
            Grains = grains,
            // The folder's name is the id the pages link to: a finished folder is listed by its name after a restart.
            FolderNamedByRunId = true,
            OnStarted = started => hooks.OnStarted(started.RunId),
            OnEpochs = hooks.OnEpochs,
        };
        return (await RunExecutor.ExecuteAsync(request, ct)).Folder;
    }

    /// <summary>Runs here take a checkpoint every <see cref="Checkpointing.DefaultEvery"/> epochs, as `silo run` by default.</summary>
    public long EstimateBytes(Scenario scenario) => RunFootprint.EstimateBytes(scenario, Checkpointing.DefaultEvery);
}
