using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Domain.Consensus;

/// <summary>
/// A node keeping the run's chain apart from the producer (the silo's chain grain): it builds the
/// same genesis from the run's scenario and validates every block before appending it.
/// </summary>
public interface IChainNode
{
    Task StartAsync(uint genesisBits);

    /// <summary>
    /// Validates and appends an epoch's blocks in order, stopping at the first it refuses. One call
    /// per epoch, not per block: each call to the chain grain waits its turn behind the shards' work,
    /// and ten waits per epoch cost the bench economy ~10 % of its throughput.
    /// </summary>
    Task<SubmissionVerdict> SubmitAsync(IReadOnlyList<SubmittedBlock> blocks);
}

/// <param name="Forecast">The hashrate forecast the producer used (predictive difficulty); part of consensus state.</param>
public readonly record struct SubmittedBlock(Block Block, long Now, Difficulty.HashrateForecast? Forecast);

/// <summary>Accepted, or the height of the first refused block and why.</summary>
public readonly record struct SubmissionVerdict(long RefusedHeight, BlockVerdict Verdict)
{
    public static SubmissionVerdict Accepted { get; } = new(-1, BlockVerdict.Accepted);

    public bool IsAccepted => Verdict.IsAccepted;
}

/// <summary>One miner's share of a proof-of-work round: its header and its nonce range.</summary>
public readonly record struct GrindOrder(int MinerIndex, BlockHeader Header, ulong Start, ulong End, Hash256 Target);

/// <summary>Grinds a round's orders, all at once; results in order. In process, or miner grains in parallel.</summary>
public interface INonceSearcher
{
    Task<GrindResult[]> SearchAsync(IReadOnlyList<GrindOrder> orders);
}

/// <summary>Every order in turn on this thread.</summary>
public sealed class LocalNonceSearcher : INonceSearcher
{
    public Task<GrindResult[]> SearchAsync(IReadOnlyList<GrindOrder> orders) =>
        Task.FromResult(orders.Select(o => NonceGrinder.Search(o.Header, o.Start, o.End, o.Target)).ToArray());
}

/// <summary>
/// Where consensus actors run: miners grinding nonces and the validators of each PBFT instance.
/// The domain runs them in process; the silo passes grains. Both give the same bytes: rounds and
/// delivery order are fixed by the drivers, not by who answers first.
/// </summary>
public sealed record ConsensusHosts(INonceSearcher Miners, Func<IReplicaGroup> Validators, IChainNode? Chain = null,
    Func<Prediction.IHashratePredictor>? LstmPredictor = null)
{
    public static ConsensusHosts Local { get; } = new(new LocalNonceSearcher(), () => new LocalReplicaGroup());
}
