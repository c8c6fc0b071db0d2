using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>Parameters of aserti3-2d. Defaults are Bitcoin Cash mainnet's.</summary>
public sealed record AsertParams
{
    public static AsertParams Mainnet { get; } = new();

    /// <summary>ideal_block_time, seconds.</summary>
    public long TargetSpacing { get; init; } = 600;

    /// <summary>halflife (tau), seconds: every halflife a block is ahead of schedule doubles difficulty.</summary>
    public long HalfLife { get; init; } = 2 * 24 * 3600;

    /// <summary>max_bits: the easiest target, 0x1d00ffff on mainnet.</summary>
    public uint MaxBits { get; init; } = CompactTarget.DifficultyOneBits;
}

/// <summary>
/// The aserti3-2d difficulty algorithm, per "ASERT Difficulty Adjustment Algorithm (aserti3-2d)",
/// v0.5.1 (freetrader, Toomim, Culianu, Lundeberg; bitcoincash.org spec/2020-11-15-asert.md):
/// next_target = target_ref · 2^((t_eval − t_ref − spacing·(h_eval − h_ref + 1)) / halflife),
/// with 2^x evaluated in 16-bit fixed point by the spec's cubic polynomial.
/// </summary>
public static class Aserti3_2d
{
    private const int RadixBits = 16;

    /// <summary>
    /// nBits of the block after the evaluation block.
    /// </summary>
    /// <param name="anchorHeight">h_ref, height of the anchor block (&gt; 0).</param>
    /// <param name="anchorParentTime">t_ref, timestamp of the anchor block's parent.</param>
    /// <param name="anchorBits">b_ref, nBits of the anchor block.</param>
    /// <param name="evalHeight">h_eval ≥ h_ref, height of the block the target is evaluated at.</param>
    /// <param name="evalTime">t_eval, timestamp of that block.</param>
    public static uint NextTarget(long anchorHeight, long anchorParentTime, uint anchorBits, long evalHeight, long evalTime, AsertParams p)
    {
        if (anchorHeight <= 0 || evalHeight < anchorHeight)
            throw new ArgumentOutOfRangeException(nameof(evalHeight), "requires h_eval ≥ h_ref > 0");
        return NextTargetFromDeltas(evalHeight - anchorHeight, evalTime - anchorParentTime, anchorBits, p);
    }

    /// <summary>
    /// The same computation from the two differences alone (height_delta = h_eval − h_ref ≥ 0,
    /// time_delta = t_eval − t_ref), which is all the formula uses; lets heights beyond
    /// <see cref="long"/> (the reference's run10 vectors) be evaluated.
    /// </summary>
    public static uint NextTargetFromDeltas(long heightDelta, long timeDelta, uint anchorBits, AsertParams p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var maxTarget = CompactTarget.ToTarget(p.MaxBits);
        var refTarget = CompactTarget.Decode(anchorBits).Target;
        if (refTarget.IsZero || refTarget > maxTarget)
            throw new ArgumentOutOfRangeException(nameof(anchorBits), "requires 0 < anchor target ≤ max target");
        var next = Unclamped(heightDelta, timeDelta, refTarget, p);
        if (next.IsZero) return CompactTarget.Encode(BigInteger.One); // hardest valid target
        if (next > maxTarget) return p.MaxBits;                        // easiest allowed target
        return CompactTarget.Encode(next);
    }

    /// <summary>
    /// The full-precision form: the anchor is a 256-bit target, not nBits, so an anchor with no compact form (such as
    /// (1 &lt;&lt; 224) − 1) keeps every bit; the result is the target itself, clamped to [1, <paramref name="powLimit"/>].
    /// This is the shape of Bitcoin ABC's <c>CalculateASERT(refTarget, spacing, timeDiff, heightDiff, powLimit, halfLife)</c>
    /// (src/pow/aserti32d.cpp), whose <c>calculate_asert_test</c> rows it reproduces; <see cref="AsertParams.MaxBits"/> is not used.
    /// </summary>
    public static BigInteger NextTargetFromDeltas(long heightDelta, long timeDelta, BigInteger anchorTarget, BigInteger powLimit, AsertParams p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (anchorTarget.Sign <= 0 || anchorTarget > powLimit)
            throw new ArgumentOutOfRangeException(nameof(anchorTarget), "requires 0 < anchor target ≤ pow limit");
        var next = Unclamped(heightDelta, timeDelta, anchorTarget, p);
        return next.IsZero ? BigInteger.One : BigInteger.Min(next, powLimit);
    }

    /// <summary>target_ref · 2^exponent by the spec's fixed-point steps, before any clamping.</summary>
    private static BigInteger Unclamped(long heightDelta, long timeDelta, BigInteger anchorTarget, AsertParams p)
    {
        if (p.TargetSpacing <= 0 || p.HalfLife <= 0) throw new ArgumentException("TargetSpacing and HalfLife must be positive");
        if (heightDelta < 0) throw new ArgumentOutOfRangeException(nameof(heightDelta), "requires h_eval ≥ h_ref");

        // C# '/' on long truncates toward zero: the spec's trunc_div (its note 3).
        var exponent = checked((timeDelta - p.TargetSpacing * (heightDelta + 1)) * (1L << RadixBits)) / p.HalfLife;

        // Arithmetic shift = floor(exponent / 2^16); the remainder is the fraction in [0, 65536).
        var numShifts = exponent >> RadixBits;
        var frac = (UInt128)(ulong)(exponent - (numShifts << RadixBits));
        // Cubic approximation of 2^x on [0, 1), coefficients from the spec; wider than 64 bits is allowed (note 7).
        var poly = 195766423245049UL * frac + 971821376UL * frac * frac + 5127UL * frac * frac * frac + ((UInt128)1 << 47);
        var factor = (ulong)(poly >> 48) + 65536UL;

        // BigInteger is unlimited-width, so the left shift needs none of note 6's overflow care.
        var next = anchorTarget * factor;
        next = numShifts < 0 ? next >> (int)Math.Min(-numShifts, 1024) : next << (int)Math.Min(numShifts, 1024);
        return next >> RadixBits;
    }
}
