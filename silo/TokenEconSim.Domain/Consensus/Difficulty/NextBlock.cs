namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// What a difficulty algorithm may know about the block being made besides the history: its
/// timestamp (Ethereum's rule depends on it) and an optional network hashrate estimate in hashes per
/// second. The estimate is for the <c>lstm</c> algorithm (a later issue), whose prediction Ĥ must be
/// part of consensus state — validators pass the same value the producer did; the other algorithms
/// ignore it.
/// </summary>
public readonly record struct NextBlock(long Time, double? HashrateEstimate = null);
