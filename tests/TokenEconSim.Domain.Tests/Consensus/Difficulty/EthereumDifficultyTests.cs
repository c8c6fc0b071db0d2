using System.Numerics;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class EthereumDifficultyTests
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    // Parent target 2^232 is difficulty 2^24 exactly, so the step is EIP-2's own arithmetic:
    // next = D + D/2048 · max(1 − Δt/10, −99), then written as the target 2^256 / next.
    [Theory]
    [InlineData(5L, 1)]    // under 10 s: +1 step
    [InlineData(15L, 0)]   // 10–19 s: unchanged
    [InlineData(35L, -2)]  // 30–39 s: −2 steps
    [InlineData(5000L, -99)] // capped at −99
    public void AppliesHomesteadInDifficultySpace(long dt, int steps)
    {
        var parentBits = CompactTarget.Encode(BigInteger.One << 232);
        var d = new BigInteger(1 << 24);
        var expectedDifficulty = d + d / 2048 * steps;
        var history = new SparseHistory(5).WithTime(4, 1000).WithBits(4, parentBits);
        var bits = new EthereumDifficulty(DifficultySettings.Mainnet).NextBits(history, new NextBlock(1000 + dt));
        Assert.Equal(CompactTarget.Encode(TwoTo256 / expectedDifficulty), bits);
        Assert.Equal(d, EthereumDifficulty.DifficultyOf(parentBits));
    }

    [Fact]
    public void MinimumDifficultyIsTheEasiestTarget()
    {
        var e = new EthereumDifficulty(DifficultySettings.Mainnet);
        Assert.Equal(TwoTo256 / EthereumHomestead.MinimumDifficulty, e.PowLimit);
        Assert.Equal(CompactTarget.Encode(e.PowLimit), e.InitialBits);
        // A very slow block at the minimum stays at the minimum.
        var history = new SparseHistory(2).WithTime(1, 0).WithBits(1, e.InitialBits);
        Assert.Equal(e.InitialBits, e.NextBits(history, new NextBlock(100_000)));
    }

    [Fact]
    public void BombIsOffByDefaultAndCanBeSwitchedOn()
    {
        var parentBits = CompactTarget.Encode(BigInteger.One << 232);
        var history = new SparseHistory(300_000).WithTime(299_999, 1000).WithBits(299_999, parentBits);
        var off = new EthereumDifficulty(DifficultySettings.Mainnet).NextBits(history, new NextBlock(1015));
        var on = new EthereumDifficulty(DifficultySettings.Mainnet with { EthereumBomb = true }).NextBits(history, new NextBlock(1015));
        Assert.Equal(parentBits, off);
        // Block 300000: the bomb adds 2^(3 − 2) = 2 to the difficulty.
        Assert.Equal(CompactTarget.Encode(TwoTo256 / ((1 << 24) + 2)), on);
    }

    [Fact]
    public void DurationLimitRescalesTheRule()
    {
        var parentBits = CompactTarget.Encode(BigInteger.One << 232);
        var s = DifficultySettings.Mainnet with { EthereumDurationLimit = 600 };
        var history = new SparseHistory(5).WithTime(4, 0).WithBits(4, parentBits);
        // 900 s with a 600 s limit is one unchanged step (1 − 900 // 600 = 0).
        Assert.Equal(parentBits, new EthereumDifficulty(s).NextBits(history, new NextBlock(900)));
    }
}
