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
/// --cluster postgres, a client of the cluster) unless given a grain factory of a silo that is
/// already running (the benchmark reuses one).
/// With checkpoints on, a failed call (a silo died: the coordinator's, or one hosting shards, whose
/// failure the coordinator passes on) does not end the run: a new coordinator, placed by the
/// cluster on a surviving silo, reloads the run from its last checkpoint in grain storage and
/// replays; epochs already delivered are not delivered twice (they are byte-identical).
/// </summary>
public sealed class OrleansEngine(IGrainFactory? grains = null, ClusterSettings? cluster = null,
    Checkpointing? checkpointing = null) : ISimulationEngine
{
    private const int MaxRecoveries = 5;
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(120);

    private readonly Checkpointing _checkpointing = checkpointing ?? Checkpointing.None;
    private IHost? _ownHost;
    private IGrainFactory? _grains;
    private IRunCoordinatorGrain? _coordinator;
    private string _runId = "";
    private string _resolved = "";
    private int _delivered;
    private int _recoveries;
    private (int Epoch, byte[] Bytes)? _lastCheckpoint;
    private IGatewayListProvider? _gateways;
    private bool _complete;
    private int _shards;
    private int _agentsTaken = -1; // the last epoch whose agent rows were taken: a replay after a failure reports them again

    /// <summary>Continuations after silo failures so far (for tests and the report line).</summary>
    public int Recoveries => _recoveries;

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
            if (settings.Cluster == MembershipKind.Postgres) _gateways = _ownHost.Services.GetRequiredService<IGatewayListProvider>();
        }
        var plan = new CheckpointPlan(runId, _checkpointing.Every);
        if (_checkpointing.ResumeFrom is { } checkpoint)
        {
            // A new coordinator key: grains of the interrupted process may still live in a cluster.
            _coordinator = _grains.GetGrain<IRunCoordinatorGrain>(Continuation());
            var started = await _coordinator.Resume(resolvedScenario, plan, checkpoint);
            (_delivered, _shards) = (started.FromEpoch, started.Shards);
        }
        else
        {
            _coordinator = _grains.GetGrain<IRunCoordinatorGrain>(runId);
            _shards = (await _coordinator.StartCheckpointed(resolvedScenario, plan)).Shards;
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
                batch = await SiloWatch.AwaitAsync(_coordinator!.Advance(maxEpochs), _gateways, ct);
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
            if (batch.Complete && batch.AgentsEpoch is not null && AgentsEpoch is null) await _coordinator.Finish(); // replayed rows
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
        if (_complete) await _coordinator!.Finish(); // the coordinator kept the shards for these rows
    }

    private bool CanRecover(Exception e) =>
        _checkpointing.Every > 0 && _recoveries < MaxRecoveries && e is OrleansException or TimeoutException;

    /// <summary>Continues the run on a new coordinator from the stored checkpoint, retrying while the cluster settles.</summary>
    private async Task RecoverAsync(Exception failure, CancellationToken ct)
    {
        _recoveries++;
        Console.Error.WriteLine($"silo failure ({failure.GetType().Name}: {failure.Message.Split('\n')[0]}); continuing from the last checkpoint "
            + "on the surviving silos");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            try
            {
                _coordinator = _grains!.GetGrain<IRunCoordinatorGrain>(Continuation());
                var plan = new CheckpointPlan(_runId, _checkpointing.Every);
                // The stored checkpoint, unless the failed call had moved it past the epochs this
                // engine delivered (their rows died with the call): then our own copy, or epoch 0.
                var stored = await _grains.GetGrain<IRunCheckpointGrain>(_runId).Epoch();
                var started = stored >= 0 && stored <= _delivered ? await _coordinator.Resume(_resolved, plan, null)
                    : _lastCheckpoint is { } own ? await _coordinator.Resume(_resolved, plan, own.Bytes)
                    : await _coordinator.StartCheckpointed(_resolved, plan);
                Console.Error.WriteLine($"continued from epoch {started.FromEpoch} "
                    + $"({(stored >= 0 && stored <= _delivered ? "grain storage" : _lastCheckpoint is null ? "the start" : "the client's copy")}) "
                    + $"after {clock.Elapsed.TotalSeconds:F1} s");
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && clock.Elapsed < RecoveryDeadline)
            {
                // The dead silo is not yet declared dead: placement may still pick it. Try again.
            }
        }
    }

    private string Continuation() => $"{_runId}~{Guid.NewGuid():N}";

    public async ValueTask DisposeAsync()
    {
        if (_ownHost is null) return;
        await _ownHost.StopAsync(TimeSpan.FromSeconds(10));
        _ownHost.Dispose();
    }
}
