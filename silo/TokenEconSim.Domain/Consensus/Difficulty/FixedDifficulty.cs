using System.Numerics;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary><c>fixed</c>: every block carries the same nBits; the baseline against which the
/// adaptive algorithms are compared.</summary>
public sealed class FixedDifficulty : IDifficultyAlgorithm
{
    public FixedDifficulty(uint bits)
    {
        PowLimit = CompactTarget.ToTarget(bits);
        InitialBits = bits;
    }

    public FixedDifficulty(DifficultySettings s)
        : this((s ?? throw new ArgumentNullException(nameof(s))).ResolveInitialBits())
    {
    }

    public string Name => Naming.Of(DifficultyAlgorithmKind.Fixed);
    public uint InitialBits { get; }
    public BigInteger PowLimit { get; }

    public uint NextBits(IChainHistory history, NextBlock next) => InitialBits;
}
