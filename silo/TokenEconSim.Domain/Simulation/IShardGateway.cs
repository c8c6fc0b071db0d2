namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// How the epoch loop reaches the agent shards. The direct engine calls shards in process; the
/// Orleans engine fans out to shard grains. Replies come back in shard order (= agent-id order).
/// </summary>
public interface IShardGateway
{
    /// <summary>Creates every agent; returns Σ initial balances (base units).</summary>
    Task<long> InitializeAsync(CancellationToken cancellationToken);

    /// <summary>One fan-out: every shard runs the step; one report per shard, in shard order.</summary>
    Task<IReadOnlyList<StepReport>> StepAsync(StepOrder order, CancellationToken cancellationToken);

    /// <summary>Shard <paramref name="shard"/>'s finished agent rows of <paramref name="epoch"/> (<see cref="Agents.AgentShard.TakeAgentRows"/>).
    /// </summary>
    Task<AgentRows> TakeAgentRowsAsync(int shard, int epoch, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot report agent rows");

    /// <summary>Every shard's complete state (<see cref="Agents.AgentShard.StateBytes"/>), in shard order, for a checkpoint.</summary>
    Task<byte[][]> SaveStatesAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot take checkpoints");

    /// <summary>Loads states saved by <see cref="SaveStatesAsync"/> into shards just created by <see cref="InitializeAsync"/>.</summary>
    Task RestoreStatesAsync(byte[][] states, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot restore checkpoints");
}
