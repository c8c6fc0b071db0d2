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

    /// <summary>
    /// Every shard's responding agents' totals (<see cref="Agents.AgentShard.AgentTotals"/>), in shard order; a null entry for a shard
    /// when every population is fixed.
    /// </summary>
    Task<AgentTotals?[]> AgentTotalsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot report agents' totals");

    /// <summary>Every shard's complete state (<see cref="Agents.AgentShard.StateBytes"/>), in shard order, for a checkpoint.</summary>
    Task<byte[][]> SaveStatesAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot take checkpoints");

    /// <summary>Loads states saved by <see cref="SaveStatesAsync"/> into shards just created by <see cref="InitializeAsync"/>.</summary>
    Task RestoreStatesAsync(byte[][] states, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot restore checkpoints");
}
