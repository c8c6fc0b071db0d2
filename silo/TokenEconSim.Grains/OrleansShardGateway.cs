using TokenEconSim.Contracts;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Grains;

/// <summary>The epoch loop's view of the shard grains: one fan-out per barrier, replies in shard order.</summary>
public sealed class OrleansShardGateway(IGrainFactory grains, string runId, EconomyModel model, string resolvedScenario) : IShardGateway
{
    private IAgentShardGrain[] _shards = [];

    public int ShardCount => _shards.Length;

    public async Task<long> InitializeAsync(CancellationToken cancellationToken)
    {
        var ranges = model.Layout.Shards(model.Scenario.Run.AgentsPerGrain).ToArray();
        _shards = [.. ranges.Select((_, i) => grains.GetGrain<IAgentShardGrain>(GrainKeys.Shard(runId, i)))];
        var totals = await Task.WhenAll(ranges.Select((r, i) => _shards[i].Initialize(new ShardSetup(runId, resolvedScenario, r.First, r.Count))));
        return totals.Sum();
    }

    public async Task<IReadOnlyList<AdvanceReport>> AdvanceAsync(AdvanceOrder order, CancellationToken cancellationToken) =>
        await Task.WhenAll(_shards.Select(s => s.Advance(order)));

    public async Task<IReadOnlyList<ScoreReport>> ScoreAsync(ScoreOrder order, CancellationToken cancellationToken) =>
        await Task.WhenAll(_shards.Select(s => s.Score(order)));

    public Task ReleaseAsync() => Task.WhenAll(_shards.Select(s => s.Release()));
}
