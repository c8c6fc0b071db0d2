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
}
