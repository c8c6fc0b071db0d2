using Orleans.Concurrency;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains;

/// <summary>The epoch loop's view of the shard grains: one fan-out per barrier, replies in shard order.</summary>
public sealed class OrleansShardGateway(IGrainFactory grains, string runId, RunModel model, string resolvedScenario) : IShardGateway
{
    private IAgentShardGrain[] _shards = [];

    public int ShardCount => _shards.Length;

    public async Task<long> InitializeAsync(CancellationToken cancellationToken)
    {
        var ranges = model.Layout.Shards(model.AgentsPerShard).ToArray();
        _shards = [.. ranges.Select((_, i) => grains.GetGrain<IAgentShardGrain>(GrainKeys.Shard(runId, i)))];
        var totals = await Task.WhenAll(ranges.Select((r, i) => _shards[i].Initialize(new ShardSetup(runId, resolvedScenario, r.First, r.Count))));
        return totals.Sum();
    }

    /// <summary>One call per shard, all in flight at once; replies in shard order whatever order they arrive in.</summary>
    public async Task<IReadOnlyList<StepReport>> StepAsync(StepOrder order, CancellationToken cancellationToken)
    {
        var message = order.AsImmutable();
        var pending = new Task<Immutable<StepReport>>[_shards.Length];
        for (var i = 0; i < pending.Length; i++) pending[i] = _shards[i].Step(message);
        // One continuation for the whole fan-out: awaiting each reply in turn could resume the
        // coordinator once per grain (10⁴ times per step with one agent per grain).
        await Task.WhenAll(pending);
        var replies = new StepReport[pending.Length];
        for (var i = 0; i < pending.Length; i++) replies[i] = pending[i].Result.Value;
        return replies;
    }

    public Task<AgentRows> TakeAgentRowsAsync(int shard, int epoch, CancellationToken cancellationToken) => _shards[shard].TakeAgentRows(epoch);

    public async Task<byte[][]> SaveStatesAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_shards.Select(s => s.SaveState()));

    public Task RestoreStatesAsync(byte[][] states, CancellationToken cancellationToken)
    {
        if (states.Length != _shards.Length)
            throw new InvalidDataException($"checkpoint holds {states.Length} shards where this run has {_shards.Length}");
        return Task.WhenAll(_shards.Select((s, i) => s.LoadState(states[i])));
    }

    public Task ReleaseAsync() => Task.WhenAll(_shards.Select(s => s.Release()));
}
