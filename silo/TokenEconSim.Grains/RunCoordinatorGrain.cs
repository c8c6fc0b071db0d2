using TokenEconSim.Contracts;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains;

/// <summary>Hosts a run's <see cref="EpochLoop"/> over the shard grains (the barrier lives in the domain).</summary>
public sealed class RunCoordinatorGrain(ScenarioCache scenarios) : Grain, IRunCoordinatorGrain
{
    private EpochLoop? _loop;
    private OrleansShardGateway? _gateway;

    public async Task<RunStarted> Start(string resolvedScenario)
    {
        if (_loop is not null) throw new InvalidOperationException($"run '{RunId}' is already started");
        var model = scenarios.Get(RunId, resolvedScenario);
        _gateway = new OrleansShardGateway(GrainFactory, RunId, model, resolvedScenario);
        _loop = new EpochLoop(model, _gateway, ConsensusFactory.Create(model.Scenario, OrleansConsensusHosts.For(GrainFactory, RunId, resolvedScenario)));
        await _loop.InitializeAsync();
        return new RunStarted(_gateway.ShardCount, model.Layout.Total, _loop.EpochsTotal);
    }

    public async Task<EpochBatch> Advance(int maxEpochs)
    {
        var loop = _loop ?? throw new InvalidOperationException($"run '{RunId}' was not started");
        var rows = await loop.AdvanceAsync(maxEpochs);
        if (loop.IsComplete)
        {
            await _gateway!.ReleaseAsync();
            scenarios.Forget(RunId);
            DeactivateOnIdle();
        }
        return new EpochBatch([.. rows], loop.IsComplete);
    }

    private string RunId => this.GetPrimaryKeyString();
}
