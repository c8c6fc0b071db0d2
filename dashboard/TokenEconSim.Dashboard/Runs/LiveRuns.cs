using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TokenEconSim.Dashboard.Telemetry;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>The runs this process started: each runs in the background on the launcher, with its own id, once admitted.</summary>
public sealed class LiveRuns(IRunLauncher launcher, SimulationMeters meters, RunAdmission admission, IOptions<DashboardOptions> options,
    ILogger<LiveRuns> log)
{
    private readonly ConcurrentDictionary<string, LiveRun> _runs = new();

    public IEnumerable<LiveRun> All => _runs.Values;

    public LiveRun? Find(string id) => _runs.GetValueOrDefault(id);

    /// <summary>
    /// Starts a run and returns once it has its id (before its first epoch); a refusal (memory
    /// budget, runs at once) or a failure to start is thrown here.
    /// </summary>
    public async Task<LiveRun> StartAsync(Scenario scenario, string source, CancellationToken ct)
    {
        var reservation = admission.Admit(RunAdmission.Estimate(launcher, scenario));
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
        _ = Task.Run(() => RunToEndAsync(run, scenario, source, hooks, started, reservation));
        await started.Task.WaitAsync(ct);
        return run;
    }

    private async Task RunToEndAsync(LiveRun run, Scenario scenario, string source, RunHooks hooks, TaskCompletionSource started,
        IDisposable reservation)
    {
        try
        {
            var folder = await launcher.RunAsync(scenario, source, hooks, run.Cancellation.Token);
            reservation.Dispose(); // before the run shows as ended: a start right after sees its share free
            run.End(RunStatus.Completed, folder, Path.GetRelativePath(options.Value.RunsFolder, folder).Replace('\\', '/'),
                results: RunResults.Read(folder));
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            reservation.Dispose();
            run.End(RunStatus.Cancelled);
        }
        catch (Exception e)
        {
            reservation.Dispose();
            log.LogError(e, "run {Id} ({Source}) failed", run.Id, source);
            run.End(RunStatus.Failed, error: e.Message);
            started.TrySetException(e);
        }
        finally
        {
            reservation.Dispose();
            started.TrySetCanceled();
        }
    }
}
