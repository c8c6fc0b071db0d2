using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// Runs a sweep's runs, many at once, through one silo: each is an ordinary <see cref="RunExecutor"/>
/// run on the shared grain factory, isolated by its own run id (every grain key starts with it).
/// Only the grain factory is used, so a cluster client would spread the same runs over a cluster.
/// </summary>
public sealed class SweepExecutor : IAsyncDisposable
{
    private readonly IHost? _host;
    private readonly IGrainFactory _grains;
    private readonly int _parallel;

    private SweepExecutor(IHost? host, IGrainFactory grains, int parallel)
    {
        _host = host;
        _grains = grains;
        _parallel = parallel;
    }

    /// <summary>Starts the embedded silo all runs share.</summary>
    public static async Task<SweepExecutor> StartAsync(int parallel, CancellationToken ct)
    {
        var host = await EmbeddedSilo.StartAsync(ct);
        return new SweepExecutor(host, host.Services.GetRequiredService<IGrainFactory>(), parallel);
    }

    /// <summary>
    /// Runs every job whose folder is not complete, at most <c>parallel</c> at once, in index order of
    /// starting; <paramref name="completed"/> is told of each (from any thread, one at a time).
    /// </summary>
    public Task RunAsync(IReadOnlyList<SweepJob> jobs, SweepFolder folder, Func<SweepJob, Scenario> scenarioOf,
        string source, Action<SweepJob> completed, CancellationToken ct) =>
        RunAsync(jobs, folder.RunsPath, job => (source, scenarioOf(job)), completed, ct);

    /// <summary>
    /// The same for jobs whose scenarios come from several files (`silo compare`): each job's source file and scenario, its folder
    /// under <paramref name="runsPath"/>.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<SweepJob> jobs, string runsPath, Func<SweepJob, (string Source, Scenario Scenario)> scenarioOf,
        Action<SweepJob> completed, CancellationToken ct)
    {
        var gate = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallel, CancellationToken = ct };
        await Parallel.ForEachAsync(jobs, options, async (job, token) =>
        {
            var (source, scenario) = scenarioOf(job);
            var request = new RunRequest(source, job.OverridesWithSeed, runsPath, EngineKind.Orleans, ShowProgress: false)
            {
                Scenario = scenario,
                Grains = _grains,
                FolderName = job.Folder,
            };
            await RunExecutor.ExecuteAsync(request, token);
            lock (gate) completed(job);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is null) return;
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
