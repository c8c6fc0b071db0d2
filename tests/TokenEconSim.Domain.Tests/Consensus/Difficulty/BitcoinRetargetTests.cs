using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class BitcoinRetargetTests
{
    // The four cases of Bitcoin Core's src/test/pow_tests.cpp (mainnet params):
    // get_next_work, get_next_work_pow_limit, get_next_work_lower_limit_actual,
    // get_next_work_upper_limit_actual — (nLastRetargetTime, pindexLast.nTime, pindexLast.nBits, expected).
    [Theory]
    [InlineData(1261130161L, 1262152739L, 0x1d00ffffu, 0x1d00d86au)] // blocks #30240 .. #32255
    [InlineData(1231006505L, 1233061996L, 0x1d00ffffu, 0x1d00ffffu)] // blocks #0 .. #2015, capped at powLimit
    [InlineData(1279008237L, 1279297671L, 0x1c05a3f4u, 0x1c0168fdu)] // blocks #66528 .. #68543, clamped at T/4
    [InlineData(1263163443L, 1269211443L, 0x1c387f6fu, 0x1d00e1fdu)] // ... #46367, clamped at T*4
    public void MatchesBitcoinCorePowTests(long firstTime, long lastTime, uint lastBits, uint expected)
    {
        Assert.Equal(expected, BitcoinRetarget.CalculateNextWorkRequired(lastBits, lastTime - firstTime, BitcoinRetargetParams.Mainnet));
    }

    [Fact]
    public void MainnetDefaults()
    {
        var p = BitcoinRetargetParams.Mainnet;
        Assert.Equal(2016, p.Interval);
        Assert.Equal(0x1d00ffffu, BitcoinRetarget.PowLimitBits(p));
    }

    [Fact]
    public void OnScheduleWindowKeepsTheTarget()
    {
        var p = BitcoinRetargetParams.Mainnet;
        Assert.Equal(0x1c05a3f4u, BitcoinRetarget.CalculateNextWorkRequired(0x1c05a3f4u, p.PowTargetTimespan, p));
    }

    [Fact]
    public void ClampFactorIsConfigurable()
    {
        var p2 = BitcoinRetargetParams.Mainnet with { ClampFactor = 2 };
        var p = BitcoinRetargetParams.Mainnet;
        // A window 8x too fast: clamp 4 quarters the target, clamp 2 only halves it.
        var fast = p.PowTargetTimespan / 8;
        var t = CompactTarget.ToTarget(0x1c05a3f4u);
        Assert.Equal(CompactTarget.Encode(t / 4), BitcoinRetarget.CalculateNextWorkRequired(0x1c05a3f4u, fast, p));
        Assert.Equal(CompactTarget.Encode(t / 2), BitcoinRetarget.CalculateNextWorkRequired(0x1c05a3f4u, fast, p2));
    }

    [Fact]
    public void RetargetsOnlyAtWindowBoundaries()
    {
        var p = BitcoinRetargetParams.Mainnet;
        Assert.Equal(0x1d00ffffu, BitcoinRetarget.NextWorkRequired(32255, 0x1d00ffffu, 0, 1, p));
        Assert.Equal(0x1d00d86au, BitcoinRetarget.NextWorkRequired(32256, 0x1d00ffffu, 1261130161L, 1262152739L, p));
    }
}
