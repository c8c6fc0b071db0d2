using System.Numerics;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// <c>bitcoin</c>: Bitcoin Core's retarget over a chain history (src/pow.cpp GetNextWorkRequired):
/// bits stay constant inside a window; the first block of a window is retargeted from the times of
/// the previous window's first and last blocks (Interval − 1 gaps, as in Core).
/// </summary>
public sealed class BitcoinDifficulty : IDifficultyAlgorithm
{
    private readonly BitcoinRetargetParams _p;

    public BitcoinDifficulty(BitcoinRetargetParams p, uint initialBits)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        _p = p;
        InitialBits = DifficultyGuards.CheckInitialBits(initialBits, p.PowLimit);
    }

    public BitcoinDifficulty(DifficultySettings s)
        : this(ParamsFrom(s), s.ResolveInitialBits())
    {
    }

    public string Name => Naming.Of(DifficultyAlgorithmKind.Bitcoin);
    public uint InitialBits { get; }
    public BigInteger PowLimit => _p.PowLimit;
    public BitcoinRetargetParams Params => _p;

    public uint NextBits(IChainHistory history, NextBlock next)
    {
        ArgumentNullException.ThrowIfNull(history);
        var nextHeight = history.Count;
        if (nextHeight == 0) return InitialBits;
        var tip = nextHeight - 1;
        if (!BitcoinRetarget.IsRetargetHeight(nextHeight, _p)) return history.Bits(tip);
        // Core: pindexFirst = pindexLast->GetAncestor(pindexLast->nHeight - (Interval - 1)).
        var first = tip - (_p.Interval - 1);
        return BitcoinRetarget.NextWorkRequired(nextHeight, history.Bits(tip), history.Time(first), history.Time(tip), _p);
    }

    private static BitcoinRetargetParams ParamsFrom(DifficultySettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new BitcoinRetargetParams
        {
            PowTargetSpacing = s.TargetSpacing,
            PowTargetTimespan = checked(s.TargetSpacing * s.RetargetWindow),
            PowLimit = s.PowLimit,
            ClampFactor = s.ClampFactor,
        };
    }
}
