namespace TokenEconSim.Domain.Consensus;

/// <summary>
/// One block as blocks.csv records it: height on the run's chain, simulated time (seconds since the
/// run began), the producing agent, the compact target (0 for PoS/DPoS blocks, which carry none),
/// the header hash in Bitcoin's display order, and the epoch it belongs to.
/// </summary>
public sealed record BlockRecord(long Height, int Epoch, double Time, int ProducerId, uint Bits, string Hash)
{
    /// <summary>With network.topology (docs/model.md §19.6): its place in the block tree and how fast it spread; null without.</summary>
    public NetworkBlock? Network { get; init; }
}

/// <summary>
/// A block of the network's tree as blocks.csv records it once settled: its parent's hash, whether it is on the main chain, and the
/// seconds from its release until half and nine tenths of the nodes held it (NaN: never released or not yet there).
/// </summary>
public readonly record struct NetworkBlock(string ParentHash, bool OnMainChain, double Reach50, double Reach90);
