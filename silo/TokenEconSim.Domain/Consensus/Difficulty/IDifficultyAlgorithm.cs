using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// A difficulty algorithm: the nBits the next block must carry, from the chain so far. Pure and
/// deterministic, so the producer and every validator compute the same bits.
/// </summary>
public interface IDifficultyAlgorithm
{
    /// <summary>
    /// The scenario name, <see cref="Parameters.Naming.Of{TEnum}"/> of its <see cref="Parameters.DifficultyAlgorithmKind"/> (or a test double's
    /// own).
    /// </summary>
    string Name { get; }

    /// <summary>nBits of genesis (and of any block the algorithm has no history for yet).</summary>
    uint InitialBits { get; }

    /// <summary>The easiest valid target: a block whose nBits decode above it is invalid.</summary>
    BigInteger PowLimit { get; }

    /// <summary>nBits required of the block at height <c>history.Count</c>.</summary>
    uint NextBits(IChainHistory history, NextBlock next);
}
