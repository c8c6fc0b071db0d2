using System.Numerics;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class BitcoinDifficultyTests
{
    private static readonly BitcoinDifficulty Mainnet = new(DifficultySettings.Mainnet);

    // Bitcoin Core src/test/pow_tests.cpp, now driven through a chain history: the tip height, the
    // window's first block (tip − 2015) and last block times, the tip's bits, the expected bits.
    [Theory]
    [InlineData(32255L, 1261130161L, 1262152739L, 0x1d00ffffu, 0x1d00d86au)] // get_next_work
    [InlineData(2015L, 1231006505L, 1233061996L, 0x1d00ffffu, 0x1d00ffffu)]  // get_next_work_pow_limit
    [InlineData(68543L, 1279008237L, 1279297671L, 0x1c05a3f4u, 0x1c0168fdu)] // get_next_work_lower_limit_actual
    [InlineData(46367L, 1263163443L, 1269211443L, 0x1c387f6fu, 0x1d00e1fdu)] // get_next_work_upper_limit_actual
    public void RetargetsFromTheWindowAsCoreDoes(long tip, long firstTime, long lastTime, uint lastBits, uint expected)
    {
        var history = new SparseHistory(tip + 1).WithTime(tip - 2015, firstTime).WithTime(tip, lastTime).WithBits(tip, lastBits);
        Assert.Equal(expected, Mainnet.NextBits(history, new NextBlock(lastTime + 600)));
    }

    [Fact]
    public void InsideAWindowTheTipBitsCarryOver()
    {
        var history = new SparseHistory(2015).WithBits(2014, 0x1c05a3f4u);
        Assert.Equal(0x1c05a3f4u, Mainnet.NextBits(history, new NextBlock(0)));
    }

    [Fact]
    public void GenesisGetsThePowLimitBits()
    {
        Assert.Equal(0x1d00ffffu, Mainnet.NextBits(new SparseHistory(0), new NextBlock(0)));
        Assert.Equal(0x1d00ffffu, Mainnet.InitialBits);
    }

    // A simulated chain: 10-block windows, clamp 2, an easy pow limit (2^250 − 1).
    [Fact]
    public void WindowClampAndPowLimitAreConfigurable()
    {
        var limit = (BigInteger.One << 250) - 1;
        var s = new DifficultySettings
        {
            TargetSpacing = 60, RetargetWindow = 10, ClampFactor = 2, PowLimit = limit,
            InitialBits = CompactTarget.Encode(BigInteger.One << 240)
        };
        var d = new BitcoinDifficulty(s);
        Assert.Equal(10, d.Params.Interval);
        // A window 10x too fast is clamped to 2x: the target halves.
        var history = new SparseHistory(10).WithTime(0, 0).WithTime(9, 54).WithBits(9, s.InitialBits!.Value);
        Assert.Equal(CompactTarget.Encode(BigInteger.One << 239), d.NextBits(history, new NextBlock(60)));
        // A window far too slow cannot pass the pow limit.
        var slow = new SparseHistory(10).WithTime(0, 0).WithTime(9, 1_000_000).WithBits(9, CompactTarget.Encode(limit));
        Assert.True(CompactTarget.ToTarget(d.NextBits(slow, new NextBlock(0))) <= limit);
    }

    [Fact]
    public void InitialBitsMayNotBeEasierThanThePowLimit()
    {
        var s = new DifficultySettings { PowLimit = BigInteger.One << 200, InitialBits = 0x1d00ffff };
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitcoinDifficulty(s));
    }
}
