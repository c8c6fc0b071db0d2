using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Messaging;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Hosting.Cluster;

namespace TokenEconSim.Hosting.Engines;

/// <summary>
/// Runs on Orleans: a coordinator grain and its shard grains. Starts its own embedded silo (or, with
/// --cluster postgres, a client of the cluster) unless given a grain factory of a silo or client that
/// is already running (the benchmark and sweeps reuse one; a sweep on a cluster also shares its
/// <see cref="MembershipWatch"/>).
/// On a cluster, or with checkpoints on, a failed call (a silo died: the coordinator's, or one hosting
/// shards, whose failure the coordinator passes on) does not end the run: a new coordinator, placed by
/// the cluster on a surviving silo, reloads the run from its last checkpoint in grain storage (or the
/// engine's own copy, or the start) and replays; epochs already delivered are not delivered twice
/// (they are byte-identical). A start that fails on a cluster is retried the same way.
/// </summary>
public sealed class OrleansEngine(IGrainFactory? grains = null, ClusterSettings? cluster = null,
    Checkpointing? checkpointing = null, MembershipWatch? membership = null) : ISimulationEngine
{
    private const int MaxRecoveries = 5;
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(120);

    private readonly Checkpointing _checkpointing = checkpointing ?? Checkpointing.None;
    private IHost? _ownHost;
    private MembershipWatch? _ownWatch;
    private MembershipWatch? _watch = membership;
    private IGrainFactory? _grains;
    private IRunCoordinatorGrain? _coordinator;
    private string _runId = "";
    private string _resolved = "";
    private int _delivered;
    private int _recoveries;
    private int _since; // the watch's lost silos when the current coordinator started
    private (int Epoch, byte[] Bytes)? _lastCheckpoint;
    private bool _complete;
    private int _shards;
    private int _agentsTaken = -1; // the last epoch whose agent rows were taken: a replay after a failure reports them again

    /// <summary>Continuations after silo failures so far, failed starts included (for tests, the report line and sweeps).</summary>
    public int Recoveries => _recoveries;

    /// <summary>The endpoint of the silo the run's coordinator is on (it changes when the run continues elsewhere).</summary>
    public string? Silo { get; private set; }

    public async Task StartAsync(string runId, string resolvedScenario, CancellationToken ct)
    {
        (_runId, _resolved) = (runId, resolvedScenario);
        _grains = grains;
        if (_grains is null)
        {
            var settings = cluster ?? ClusterSettings.Embedded;
            _ownHost = settings.Cluster == MembershipKind.Postgres
                ? await OrleansSetup.StartClientAsync(settings, ct)
                : await EmbeddedSilo.StartAsync(settings, ct);
            _grains = _ownHost.Services.GetRequiredService<IGrainFactory>();
            if (settings.Cluster == MembershipKind.Postgres)
                _watch = _ownWatch = await MembershipWatch.StartAsync(_ownHost.Services.GetRequiredService<IGatewayListProvider>(), ct);
        }
        var plan = new CheckpointPlan(runId, _checkpointing.Every);
        // A resumed run takes a new coordinator key: grains of the interrupted process may still live in a cluster.
        var key = _checkpointing.ResumeFrom is null ? runId : Continuation();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            _since = _watch?.Losses ?? 0;
            var coordinator = _coordinator = _grains.GetGrain<IRunCoordinatorGrain>(key);
            try
            {
                var started = await Call(() => _checkpointing.ResumeFrom is { } checkpoint
                    ? coordinator.Resume(resolvedScenario, plan, checkpoint)
                    : coordinator.StartCheckpointed(resolvedScenario, plan));
                (_delivered, _shards, Silo) = (started.FromEpoch, started.Shards, started.Silo);
                return;
            }
            catch (Exception e) when (_watch is not null && e is OrleansException or TimeoutException && clock.Elapsed < RecoveryDeadline)
            {
                _recoveries++;
                Console.Error.WriteLine($"run {runId}: silo failure at start ({Reason(e)}); starting again on the surviving silos");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                key = Continuation();
            }
        }
    }

    public async Task<(IReadOnlyList<EpochMetrics> Rows, bool Complete)> AdvanceAsync(int maxEpochs, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            EpochBatch batch;
            try
            {
                var coordinator = _coordinator!;
                batch = await Call(() => coordinator.Advance(maxEpochs));
            }
            catch (Exception e) when (CanRecover(e))
            {
                await RecoverAsync(e, ct);
                continue;
            }
            if (batch.Checkpoint is { } bytes)
            {
                _lastCheckpoint = (batch.CheckpointEpoch, bytes);
                if (_checkpointing.Saved is { } saved) await saved(batch.CheckpointEpoch, bytes);
            }
            _complete = batch.Complete;
            AgentsEpoch = batch.AgentsEpoch > _agentsTaken ? batch.AgentsEpoch : null;
            if (batch.Complete && batch.AgentsEpoch is not null && AgentsEpoch is null) await FinishAsync(); // replayed rows
            var fresh = batch.Epochs.Where(r => r.Epoch >= _delivered).ToArray();
            _delivered += fresh.Length;
            if (fresh.Length > 0 || batch.Complete) return (fresh, batch.Complete);
        }
    }

    public int? AgentsEpoch { get; private set; }

    public async IAsyncEnumerable<AgentRows> TakeAgentRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (AgentsEpoch is not { } epoch) yield break;
        for (var shard = 0; shard < _shards; shard++)
        {
            ct.ThrowIfCancellationRequested();
            yield return await _coordinator!.TakeAgentRows(shard);
        }
        (_agentsTaken, AgentsEpoch) = (epoch, null);
        if (_complete) await FinishAsync(); // the coordinator kept the shards for these rows
    }

    private bool CanRecover(Exception e) =>
        (_checkpointing.Every > 0 || _watch is not null) && _recoveries < MaxRecoveries && e is OrleansException or TimeoutException;

    /// <summary>A call to the run's grains that, on a cluster, fails as soon as a silo is lost since the coordinator started.</summary>
    private Task<T> Call<T>(Func<Task<T>> call) => _watch is null ? call() : _watch.AwaitAsync(call, _since);

    /// <summary>Releases the shards of a complete run; on a cluster, a lost silo only leaves its grains to Orleans' idle collection.</summary>
    private async Task FinishAsync()
    {
        try
        {
            await Call(async () =>
            {
                await _coordinator!.Finish();
                return true;
            });
        }
        catch (Exception e) when (_watch is not null && e is OrleansException or TimeoutException)
        {
            // Every epoch is delivered: nothing of the run is lost with the silo.
        }
    }

    /// <summary>Continues the run on a new coordinator from the stored checkpoint, retrying while the cluster settles.</summary>
    private async Task RecoverAsync(Exception failure, CancellationToken ct)
    {
        _recoveries++;
        Console.Error.WriteLine($"run {_runId}: silo failure ({Reason(failure)}); continuing from the last checkpoint on the surviving silos");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            try
            {
                _since = _watch?.Losses ?? 0;
                var coordinator = _coordinator = _grains!.GetGrain<IRunCoordinatorGrain>(Continuation());
                var plan = new CheckpointPlan(_runId, _checkpointing.Every);
                // The stored checkpoint, unless the failed call had moved it past the epochs this
                // engine delivered (their rows died with the call): then our own copy, or epoch 0.
                // Its bytes are passed on as read: an abandoned coordinator may still store a later one.
                var stored = await Call(() => _grains.GetGrain<IRunCheckpointGrain>(_runId).Load());
                var (from, checkpoint) = stored.Epoch >= 0 && stored.Epoch <= _delivered ? ("grain storage", stored.Bytes)
                    : _lastCheckpoint is { } own ? ("the client's copy", own.Bytes) : ("the start", null);
                var started = await Call(() => checkpoint is null ? coordinator.StartCheckpointed(_resolved, plan)
                    : coordinator.Resume(_resolved, plan, checkpoint));
                Silo = started.Silo;
                Console.Error.WriteLine($"run {_runId}: continued from epoch {started.FromEpoch} ({from}) after {clock.Elapsed.TotalSeconds:F1} s");
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && clock.Elapsed < RecoveryDeadline)
            {
                // The dead silo is not yet declared dead: placement may still pick it. Try again.
            }
        }
    }

    private static string Reason(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";

    private string Continuation() => $"{_runId}~{Guid.NewGuid():N}";

    public async ValueTask DisposeAsync()
    {
        if (_ownWatch is not null) await _ownWatch.DisposeAsync();
        if (_ownHost is null) return;
        await _ownHost.StopAsync(TimeSpan.FromSeconds(10));
        _ownHost.Dispose();
    }
}
