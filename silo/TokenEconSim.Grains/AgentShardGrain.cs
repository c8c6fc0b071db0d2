using Orleans.Concurrency;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains;

/// <summary>Hosts one <see cref="AgentShard"/>; with agents_per_grain 1 that is one grain per participant.</summary>
// Random placement: Orleans' default favours the caller's silo and kept every shard beside the
// coordinator; a run should spread over the cluster (one silo: no difference).
[Orleans.Placement.RandomPlacement]
public sealed class AgentShardGrain(ScenarioCache scenarios) : Grain, IAgentShardGrain
{
    private AgentShard? _shard;

    public Task<long> Initialize(ShardSetup setup)
    {
        _shard = new AgentShard(scenarios.Get(setup.RunId, setup.ResolvedScenario), setup.First, setup.Count);
        return Task.FromResult(_shard.TotalBalance());
    }

    public Task<Immutable<StepReport>> Step(Immutable<StepOrder> order) => Task.FromResult(Shard.Step(order.Value).AsImmutable());

    public Task<AgentRows> TakeAgentRows(int epoch) => Task.FromResult(Shard.TakeAgentRows(epoch));

    public Task<byte[]> SaveState() => Task.FromResult(Shard.StateBytes());

    public Task LoadState(byte[] state)
    {
        Shard.ReadStateBytes(state);
        return Task.CompletedTask;
    }

    public Task Release()
    {
        _shard = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private AgentShard Shard => _shard
        ?? throw new InvalidOperationException($"shard {this.GetPrimaryKeyString()} was not initialised (was its silo restarted?)");
}
