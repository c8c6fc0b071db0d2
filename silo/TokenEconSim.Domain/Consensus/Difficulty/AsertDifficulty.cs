using System.Numerics;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// <c>asert</c>: aserti3-2d over a chain history, anchored (docs/model.md §4.2) at the first block after
/// genesis: h_ref = 1, t_ref = genesis time, b_ref = block 1's nBits. Blocks 0 and 1 carry the
/// initial bits; every later block's bits come from its parent via <see cref="Aserti3_2d"/>.
/// </summary>
public sealed class AsertDifficulty : IDifficultyAlgorithm
{
    private const long AnchorHeight = 1;
    private readonly AsertParams _p;

    public AsertDifficulty(AsertParams p, uint initialBits)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.TargetSpacing <= 0 || p.HalfLife <= 0) throw new ArgumentException("TargetSpacing and HalfLife must be positive");
        _p = p;
        PowLimit = CompactTarget.ToTarget(p.MaxBits);
        InitialBits = DifficultyGuards.CheckInitialBits(initialBits, PowLimit);
    }

    public AsertDifficulty(DifficultySettings s)
        : this(ParamsFrom(s), s.ResolveInitialBits())
    {
    }

    public string Name => Naming.Of(DifficultyAlgorithmKind.Asert);
    public uint InitialBits { get; }
    public BigInteger PowLimit { get; }
    public AsertParams Params => _p;

    public uint NextBits(IChainHistory history, NextBlock next)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count <= AnchorHeight) return InitialBits;
        var tip = history.Count - 1;
        return Aserti3_2d.NextTarget(AnchorHeight, history.Time(AnchorHeight - 1), history.Bits(AnchorHeight), tip, history.Time(tip), _p);
    }

    private static AsertParams ParamsFrom(DifficultySettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new AsertParams { TargetSpacing = s.TargetSpacing, HalfLife = s.HalfLife, MaxBits = CompactTarget.Encode(s.PowLimit) };
    }
}
