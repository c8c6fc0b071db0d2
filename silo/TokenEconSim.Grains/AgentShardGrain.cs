using TokenEconSim.Contracts;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains;

/// <summary>Hosts one <see cref="AgentShard"/>; with agents_per_grain 1 that is one grain per participant.</summary>
public sealed class AgentShardGrain(ScenarioCache scenarios) : Grain, IAgentShardGrain
{
    private AgentShard? _shard;

    public Task<long> Initialize(ShardSetup setup)
    {
        _shard = new AgentShard(scenarios.Get(setup.RunId, setup.ResolvedScenario), setup.First, setup.Count);
        return Task.FromResult(_shard.TotalBalance());
    }

    public Task<AdvanceReport> Advance(AdvanceOrder order) => Task.FromResult(Shard.Advance(order));

    public Task<ScoreReport> Score(ScoreOrder order) => Task.FromResult(Shard.Score(order));

    public Task Release()
    {
        _shard = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private AgentShard Shard => _shard ?? throw new InvalidOperationException($"shard {this.GetPrimaryKeyString()} was not initialised (was its silo restarted?)");
}
