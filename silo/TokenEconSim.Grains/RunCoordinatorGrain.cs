using TokenEconSim.Contracts;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains;

/// <summary>
/// Hosts a run's <see cref="EpochLoop"/> over the shard grains (the barrier lives in the domain). Placed at random, so that the
/// many runs of a sweep started by one cluster client spread over the silos (default placement would favour the gateway's silo).
/// </summary>
[Orleans.Placement.RandomPlacement]
public sealed class RunCoordinatorGrain(ScenarioCache scenarios, ILocalSiloDetails silo) : Grain, IRunCoordinatorGrain
{
    private EpochLoop? _loop;
    private OrleansShardGateway? _gateway;
    private (int Epoch, byte[] Bytes)? _lastCheckpoint;
    private int _agents;

    public Task<RunStarted> Start(string resolvedScenario) => StartCheckpointed(resolvedScenario, new CheckpointPlan(RunId, 0));

    public async Task<RunStarted> StartCheckpointed(string resolvedScenario, CheckpointPlan plan)
    {
        var loop = Create(resolvedScenario, plan);
        await loop.InitializeAsync();
        return Started(loop);
    }

    public async Task<RunStarted> Resume(string resolvedScenario, CheckpointPlan plan, byte[]? checkpoint)
    {
        if (checkpoint is null)
        {
            var stored = await GrainFactory.GetGrain<IRunCheckpointGrain>(plan.Key).Load();
            // No checkpoint yet (or it was in the memory of a silo that died): start over; the run is
            // a pure function of its scenario, so the epochs come out the same.
            if (stored.Epoch < 0) return await StartCheckpointed(resolvedScenario, plan);
            checkpoint = stored.Bytes;
        }
        var loop = Create(resolvedScenario, plan);
        await loop.RestoreAsync(checkpoint);
        return Started(loop) with { FromEpoch = loop.EpochsCompleted };
    }

    public async Task<EpochBatch> Advance(int maxEpochs)
    {
        var loop = _loop ?? throw new InvalidOperationException($"run '{RunId}' was not started");
        _lastCheckpoint = null;
        var rows = await loop.AdvanceAsync(maxEpochs);
        if (loop.IsComplete && loop.AgentsReady is null) await Finish(); // else once the caller has taken the last rows
        return new EpochBatch([.. rows], loop.IsComplete)
        {
            Checkpoint = _lastCheckpoint?.Bytes,
            CheckpointEpoch = _lastCheckpoint?.Epoch ?? 0,
            AgentsEpoch = loop.AgentsReady,
        };
    }

    public Task<AgentRows> TakeAgentRows(int shard) =>
        (_loop ?? throw new InvalidOperationException($"run '{RunId}' was not started")).TakeAgentRowsAsync(shard);

    public async Task Finish()
    {
        await _gateway!.ReleaseAsync();
        scenarios.Forget(RunId);
        DeactivateOnIdle();
    }

    private EpochLoop Create(string resolvedScenario, CheckpointPlan plan)
    {
        if (_loop is not null) throw new InvalidOperationException($"run '{RunId}' is already started");
        var model = scenarios.Get(RunId, resolvedScenario);
        _agents = model.Layout.Total;
        _gateway = new OrleansShardGateway(GrainFactory, RunId, model, resolvedScenario);
        var store = GrainFactory.GetGrain<IRunCheckpointGrain>(plan.Key);
        _loop = new EpochLoop(model, _gateway, ConsensusFactory.Create(model.Scenario,
            OrleansConsensusHosts.For(GrainFactory, RunId, resolvedScenario)))
        {
            CheckpointEvery = plan.Every,
            SaveCheckpoint = async (epoch, bytes, _) =>
            {
                await store.Save(epoch, bytes);
                _lastCheckpoint = (epoch, bytes);
            },
        };
        return _loop;
    }

    private RunStarted Started(EpochLoop loop) =>
        new(_gateway!.ShardCount, _agents, loop.EpochsTotal) { Silo = silo.SiloAddress.Endpoint.ToString() };

    private string RunId => this.GetPrimaryKeyString();
}
