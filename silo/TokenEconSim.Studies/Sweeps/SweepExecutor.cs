using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Messaging;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// Runs a sweep's runs, many at once, through one silo or one cluster: each is an ordinary
/// <see cref="RunExecutor"/> run on the shared grain factory, isolated by its own run id (every grain
/// key starts with it). With --cluster postgres the factory is a client's of silos already running
/// (docs/cluster.md): the coordinators are placed at random, so the runs spread over the silos, and a
/// lost silo's runs continue from their checkpoints on the survivors (<see cref="MembershipWatch"/>).
/// </summary>
public sealed class SweepExecutor : IAsyncDisposable
{
    private readonly IHost? _host;
    private readonly IGrainFactory _grains;
    private readonly MembershipWatch? _membership;
    private readonly int _parallel;

    private SweepExecutor(IHost? host, IGrainFactory grains, MembershipWatch? membership, int parallel)
    {
        _host = host;
        _grains = grains;
        _membership = membership;
        _parallel = parallel;
    }

    /// <summary>Where the runs ran; null outside a cluster.</summary>
    public SiloPlacement? Placement { get; private init; }

    /// <summary>Starts the embedded silo all runs share.</summary>
    public static Task<SweepExecutor> StartAsync(int parallel, CancellationToken ct) => StartAsync(parallel, null, null, ct);

    /// <summary>
    /// Connects to the cluster of <paramref name="cluster"/> when its membership is postgres, else starts an embedded silo with its
    /// storage; <paramref name="placement"/> (a caller's, or a new one) counts the runs per silo of a cluster.
    /// </summary>
    public static async Task<SweepExecutor> StartAsync(int parallel, ClusterSettings? cluster, SiloPlacement? placement, CancellationToken ct)
    {
        cluster ??= ClusterSettings.Embedded;
        if (cluster.Cluster != MembershipKind.Postgres)
        {
            var silo = await EmbeddedSilo.StartAsync(cluster, ct);
            return new SweepExecutor(silo, silo.Services.GetRequiredService<IGrainFactory>(), null, parallel);
        }
        var client = await OrleansSetup.StartClientAsync(cluster, ct);
        try
        {
            var watch = await MembershipWatch.StartAsync(client.Services.GetRequiredService<IGatewayListProvider>(), ct);
            return new SweepExecutor(client, client.Services.GetRequiredService<IGrainFactory>(), watch, parallel)
            {
                Placement = placement ?? new SiloPlacement(),
            };
        }
        catch
        {
            client.Dispose();
            throw;
        }
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
            string? startedOn = null;
            var request = new RunRequest(source, job.OverridesWithSeed, runsPath, EngineKind.Orleans, ShowProgress: false)
            {
                Scenario = scenario,
                Grains = _grains,
                Membership = _membership,
                FolderName = job.Folder,
                CheckpointEvery = CheckpointEvery,
                OnStarted = started =>
                {
                    startedOn = started.Silo;
                    Placement?.Started(startedOn);
                },
            };
            var outcome = await RunExecutor.ExecuteAsync(request, token);
            Placement?.Finished(startedOn, outcome.Silo, outcome.Recoveries);
            lock (gate) completed(job);
        });
    }

    /// <summary>
    /// Checkpoints only on a cluster, where a lost silo's runs continue from them. In one process a checkpoint cannot outlive the
    /// silo that made it, and a sweep's resume redoes an unfinished run from its start, so they would only cost time (run folders
    /// are the same bytes either way).
    /// </summary>
    private int CheckpointEvery => _membership is null ? 0 : Checkpointing.DefaultEvery;

    public async ValueTask DisposeAsync()
    {
        if (_membership is not null) await _membership.DisposeAsync();
        if (_host is null) return;
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
