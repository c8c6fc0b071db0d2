namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// Bitcoin's difficulty retarget, following Bitcoin Core's <c>CalculateNextWorkRequired</c> and
/// <c>GetNextWorkRequired</c> (src/pow.cpp), without the testnet min-difficulty rules.
/// </summary>
public static class BitcoinRetarget
{
    /// <summary>True when the block at <paramref name="nextHeight"/> starts a new window and is retargeted.</summary>
    public static bool IsRetargetHeight(long nextHeight, BitcoinRetargetParams p) => nextHeight % p.Interval == 0;

    /// <summary>
    /// New nBits after a window. <paramref name="actualTimespanSeconds"/> is the time of the window's
    /// last block minus that of its first (Core measures Interval − 1 gaps, a known off-by-one kept
    /// for exactness). Clamp to [T/k, T·k], scale old target by actual/T, cap at powLimit.
    /// </summary>
    public static uint CalculateNextWorkRequired(uint lastBits, long actualTimespanSeconds, BitcoinRetargetParams p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var timespan = Math.Clamp(actualTimespanSeconds, p.PowTargetTimespan / p.ClampFactor, p.PowTargetTimespan * p.ClampFactor);

        // SetCompact then *= and /= on arith_uint256: the product wraps mod 2^256 in Core, so mask it.
        var target = CompactTarget.Decode(lastBits).Target;
        target = (target * timespan) & CompactTarget.Max256;
        target /= p.PowTargetTimespan;
        if (target > p.PowLimit) target = p.PowLimit;
        return CompactTarget.Encode(target);
    }

    /// <summary>
    /// nBits for the block at <paramref name="nextHeight"/>: unchanged inside a window, retargeted at
    /// its boundary from the window's first and last block times (Core's GetNextWorkRequired).
    /// </summary>
    public static uint NextWorkRequired(long nextHeight, uint lastBits, long windowFirstTime, long lastTime, BitcoinRetargetParams p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!IsRetargetHeight(nextHeight, p)) return lastBits;
        return CalculateNextWorkRequired(lastBits, lastTime - windowFirstTime, p);
    }

    /// <summary>The powLimit in compact form, the genesis / easiest nBits.</summary>
    public static uint PowLimitBits(BitcoinRetargetParams p) => CompactTarget.Encode(p.PowLimit);
}
