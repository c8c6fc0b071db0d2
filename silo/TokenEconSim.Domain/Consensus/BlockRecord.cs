namespace TokenEconSim.Domain.Consensus;

/// <summary>
/// One block as blocks.csv records it: height on the run's chain, simulated time (seconds since the
/// run began), the producing agent, the compact target (0 for PoS/DPoS blocks, which carry none),
/// the header hash in Bitcoin's display order, and the epoch it belongs to.
/// </summary>
public sealed record BlockRecord(long Height, int Epoch, double Time, int ProducerId, uint Bits, string Hash);
