using TokenEconSim.Domain.Agents;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The in-process engine: the same shards and epoch loop as the Orleans engine, called directly.
/// Used by tests and as the performance reference. Shards run in parallel; results are collected
/// by shard index, so the thread schedule cannot change them.
/// </summary>
public sealed class DirectShardGateway(RunModel model) : IShardGateway
{
    private AgentShard[] _shards = [];

    public IReadOnlyList<AgentShard> Shards => _shards;

    public Task<long> InitializeAsync(CancellationToken cancellationToken)
    {
        var ranges = model.Layout.Shards(model.AgentsPerShard).ToArray();
        _shards = new AgentShard[ranges.Length];
        Parallel.For(0, ranges.Length, i => _shards[i] = new AgentShard(model, ranges[i].First, ranges[i].Count));
        return Task.FromResult(_shards.Sum(s => s.TotalBalance()));
    }

    /// <summary>Off the caller's thread, so the epoch loop runs consensus while the shards work.</summary>
    public Task<IReadOnlyList<StepReport>> StepAsync(StepOrder order, CancellationToken cancellationToken) =>
        Task.Run(() => ForEachShard(s => s.Step(order)), cancellationToken);

    public Task<AgentRows> TakeAgentRowsAsync(int shard, int epoch, CancellationToken cancellationToken) =>
        Task.FromResult(_shards[shard].TakeAgentRows(epoch));

    public Task<byte[][]> SaveStatesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ForEachShard(s => s.StateBytes()).ToArray());

    public Task RestoreStatesAsync(byte[][] states, CancellationToken cancellationToken)
    {
        if (states.Length != _shards.Length)
            throw new InvalidDataException($"checkpoint holds {states.Length} shards where this run has {_shards.Length}");
        Parallel.For(0, _shards.Length, i => _shards[i].ReadStateBytes(states[i]));
        return Task.CompletedTask;
    }

    private IReadOnlyList<T> ForEachShard<T>(Func<AgentShard, T> call)
    {
        var results = new T[_shards.Length];
        if (_shards.Length == 1) results[0] = call(_shards[0]);
        else Parallel.For(0, _shards.Length, i => results[i] = call(_shards[i]));
        return results;
    }
}
