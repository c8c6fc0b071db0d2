using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TokenEconSim.Dashboard.Telemetry;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>The runs this process started: each runs in the background on the launcher, with its own id.</summary>
public sealed class LiveRuns(IRunLauncher launcher, SimulationMeters meters, ILogger<LiveRuns> log)
{
    private readonly ConcurrentDictionary<string, LiveRun> _runs = new();

    public IEnumerable<LiveRun> All => _runs.Values;

    public LiveRun? Find(string id) => _runs.GetValueOrDefault(id);

    /// <summary>Starts a run and returns once it has its id (before its first epoch); a failure to start is thrown here.</summary>
    public async Task<LiveRun> StartAsync(Scenario scenario, string source, CancellationToken ct)
    {
        var run = new LiveRun(source, scenario.Run.Name, scenario.Run.Seed, scenario.Run.Epochs, MetricLayout.For(scenario));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = new RunHooks(
            id =>
            {
                run.Started(id);
                _runs[id] = run;
                meters.Track(run);
                started.TrySetResult();
            },
            batch =>
            {
                run.Append(batch);
                meters.Record(run, batch);
            });
        _ = Task.Run(() => RunToEndAsync(run, scenario, source, hooks, started));
        await started.Task.WaitAsync(ct);
        return run;
    }

    private async Task RunToEndAsync(LiveRun run, Scenario scenario, string source, RunHooks hooks, TaskCompletionSource started)
    {
        try
        {
            var folder = await launcher.RunAsync(scenario, source, hooks, run.Cancellation.Token);
            run.End(RunStatus.Completed, folder);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            run.End(RunStatus.Cancelled);
        }
        catch (Exception e)
        {
            log.LogError(e, "run {Id} ({Source}) failed", run.Id, source);
            run.End(RunStatus.Failed, error: e.Message);
            started.TrySetException(e);
        }
        finally
        {
            started.TrySetCanceled();
        }
    }
}
