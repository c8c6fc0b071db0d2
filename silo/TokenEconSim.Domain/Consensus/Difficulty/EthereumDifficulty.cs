using System.Numerics;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// <c>ethereum</c>: the Homestead rule (<see cref="EthereumHomestead"/>) on a Bitcoin-style chain.
/// Ethash accepts a hash ≤ 2^256 / difficulty (Ethereum yellow paper, eq. for the PoW check), so a
/// block's difficulty is read as floor(2^256 / target(nBits)) and the next difficulty is written back
/// as nBits of floor(2^256 / D). The compact form keeps ≥ 15 bits of mantissa, finer than the
/// rule's 1/2048 step. Unlike Bitcoin's, this rule depends on the new block's own timestamp.
/// </summary>
public sealed class EthereumDifficulty : IDifficultyAlgorithm
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;
    private readonly DifficultySettings _s;

    public EthereumDifficulty(DifficultySettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.EthereumMinimumDifficulty < 1) throw new ArgumentOutOfRangeException(nameof(s), "minimum difficulty must be ≥ 1");
        _s = s;
        // Ethereum has no pow limit: its minimum difficulty bounds the target instead, so the
        // Bitcoin-style PowLimit setting is not used here.
        PowLimit = TargetOf(s.EthereumMinimumDifficulty);
        InitialBits = DifficultyGuards.CheckInitialBits(s.InitialBits ?? CompactTarget.Encode(PowLimit), PowLimit);
    }

    public string Name => Naming.Of(DifficultyAlgorithmKind.Ethereum);
    public uint InitialBits { get; }
    public BigInteger PowLimit { get; }

    /// <summary>Ethereum difficulty of nBits: floor(2^256 / target).</summary>
    public static BigInteger DifficultyOf(uint bits) => TwoTo256 / CompactTarget.ToTarget(bits);

    /// <summary>Target of an Ethereum difficulty: floor(2^256 / D), at most 2^256 − 1.</summary>
    public static BigInteger TargetOf(BigInteger difficulty)
    {
        if (difficulty.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(difficulty), "must be positive");
        return BigInteger.Min(TwoTo256 / difficulty, CompactTarget.Max256);
    }

    public uint NextBits(IChainHistory history, NextBlock next)
    {
        ArgumentNullException.ThrowIfNull(history);
        var nextHeight = history.Count;
        if (nextHeight == 0) return InitialBits;
        var tip = nextHeight - 1;
        var parentTime = history.Time(tip);
        if (parentTime < 0 || next.Time < 0) throw new ArgumentOutOfRangeException(nameof(next), "Ethereum timestamps are unsigned");
        var d = EthereumHomestead.NextDifficulty(DifficultyOf(history.Bits(tip)), (ulong)parentTime, (ulong)next.Time, (ulong)nextHeight,
            _s.EthereumBomb, _s.EthereumDurationLimit, _s.EthereumMinimumDifficulty);
        return CompactTarget.Encode(BigInteger.Min(TargetOf(d), PowLimit));
    }
}
