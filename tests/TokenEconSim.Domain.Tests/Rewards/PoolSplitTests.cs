using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Rewards;

public class PoolSplitTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(999L)]
    [InlineData(1_000_000_000_000L)]      // 10 000 tokens
    [InlineData(100_000_000_000_000_000L)] // 10⁹ tokens
    public void PayoutsNeverExceedThePoolAndLoseLessThanOneUnitPerAgent(long pool)
    {
        var rng = new Xoshiro256StarStar((ulong)pool);
        var scores = Enumerable.Range(0, 1_000).Select(_ => ExactSum.Quantize(rng.NextDouble() * 1_000)).ToArray();
        Int128 total = 0;
        foreach (var s in scores) total += s;
        var paid = scores.Sum(s => PoolSplit.Share(pool, s, total));
        Assert.True(paid <= pool, $"paid {paid} of {pool}");
        Assert.True(pool - paid < scores.Length, $"dust {pool - paid}"); // each share loses < 1 unit
    }

    [Fact]
    public void SharesAreTheFloorOfTheProportionalShare()
    {
        // P = 1000 units, R = 1 : 2 : 3 (Σ 6): exact shares 166.67, 333.33, 500 ⇒ 166, 333, 500; 1 unit of dust.
        Int128[] scores = [ExactSum.Quantize(1), ExactSum.Quantize(2), ExactSum.Quantize(3)];
        var total = scores[0] + scores[1] + scores[2];
        Assert.Equal([166L, 333, 500], scores.Select(s => PoolSplit.Share(1_000, s, total)).ToArray());
    }

    [Fact]
    public void SharesAreProportionalToScores()
    {
        const long pool = 10_000 * TokenUnits.PerToken;
        var a = ExactSum.Quantize(455);
        var b = ExactSum.Quantize(45.5);
        var c = ExactSum.Quantize(910);
        var total = a + b + c;
        var (sa, sb, sc) = (PoolSplit.Share(pool, a, total), PoolSplit.Share(pool, b, total), PoolSplit.Share(pool, c, total));
        Assert.InRange(sa - 10 * sb, -10, 10); // each share is off by < 1 unit, scaled by 10
        Assert.InRange(sc - 2 * sa, -2, 2);
        Assert.InRange(sa - pool * 455 / 1410.5, -1.0, 0.0);
    }

    [Fact]
    public void TheWholePoolGoesToASingleScorer()
    {
        var s = ExactSum.Quantize(3.7);
        Assert.Equal(12_345, PoolSplit.Share(12_345, s, s));
    }

    [Theory]
    [InlineData(0L, 5L, 10L)]
    [InlineData(100L, 0L, 10L)]
    [InlineData(100L, -5L, 10L)]
    [InlineData(100L, 5L, 0L)]
    [InlineData(-100L, 5L, 10L)]
    public void NothingIsPaidWithoutAPositivePoolScoreAndTotal(long pool, long score, long total) =>
        Assert.Equal(0, PoolSplit.Share(pool, score, total));

    [Fact]
    public void ShareDoesNotOverflowForALargePoolAndScore()
    {
        // 10⁹ tokens in base units times a score of 10⁹ in 2⁻³² fixed point is ~4·10³⁵: needs the 128-bit product.
        const long pool = 1_000_000_000 * TokenUnits.PerToken;
        var s = ExactSum.Quantize(1e9);
        Assert.Equal(pool / 4, PoolSplit.Share(pool, s, 4 * s));
    }

    [Theory]
    [InlineData(455.0, 45_500_000_000L)]
    [InlineData(1.0, 100_000_000L)]
    [InlineData(0.5, 50_000_000L)]
    [InlineData(1e-8, 1L)]
    [InlineData(0.0, 0L)]
    [InlineData(-3.0, 0L)]
    public void AbsoluteConvertsATokenScoreToBaseUnits(double r, long units) =>
        Assert.Equal(units, PoolSplit.Absolute(ExactSum.Quantize(r), TokenUnits.PerToken));

    [Fact]
    public void AbsoluteRoundsDown()
    {
        // 1.234567891 tokens: the fixed point holds it to 2⁻³², the conversion drops the sub-unit part.
        Assert.Equal(123_456_789, PoolSplit.Absolute(ExactSum.Quantize(1.234567891), TokenUnits.PerToken));
        Assert.Equal(0, PoolSplit.Absolute(1, TokenUnits.PerToken)); // 2⁻³² token is below one unit
    }

    // The 64-bit fast path and the Int128 path must give the same floor everywhere: checked
    // against BigInteger on random scores below and above 2⁶⁴.
    [Fact]
    public void ShareIsTheExactFloorOnBothSidesOfTheFastPath()
    {
        var rng = new TokenEconSim.Domain.Randomness.Xoshiro256StarStar(5);
        for (var i = 0; i < 20_000; i++)
        {
            var bits = rng.Next(1, 100);
            var random = new UInt128(rng.NextUInt64(), rng.NextUInt64());
            var total = (Int128)(random >> (128 - bits)) + 1;
            var score = (Int128)(rng.NextDouble() * (double)total);
            if (score > total) score = total;
            var pool = rng.NextInt64(1, long.MaxValue >> rng.Next(0, 60));
            var expected = (long)(System.Numerics.BigInteger.Parse(pool.ToString()) * System.Numerics.BigInteger.Parse(score.ToString())
                / System.Numerics.BigInteger.Parse(total.ToString()));
            Assert.Equal(score <= 0 ? 0 : expected, PoolSplit.Share(pool, score, total));
        }
    }
}

public class EmissionTests
{
    [Theory]
    [InlineData(0, 1_000L)]
    [InlineData(9, 1_000L)]
    [InlineData(10, 500L)]
    [InlineData(19, 500L)]
    [InlineData(20, 250L)]
    [InlineData(35, 125L)]
    [InlineData(100, 0L)] // 1000 >> 10 = 0
    public void HalvesEveryInterval(int epoch, long expected) =>
        Assert.Equal(expected, Emission.Halved(1_000, epoch, 10));

    [Fact]
    public void IntervalZeroNeverHalves()
    {
        Assert.Equal(1_000, Emission.Halved(1_000, 0, 0));
        Assert.Equal(1_000, Emission.Halved(1_000, 1_000_000, 0));
    }

    [Fact]
    public void HalvingRoundsDownAndEndsAtZero()
    {
        Assert.Equal(2, Emission.Halved(5, 1, 1));
        Assert.Equal(1, Emission.Halved(long.MaxValue, 62, 1));
        Assert.Equal(0, Emission.Halved(long.MaxValue, 63, 1));
        Assert.Equal(0, Emission.Halved(long.MaxValue, int.MaxValue, 1)); // no shift-count wrap-around
    }

    [Fact]
    public void TotalEmissionOfAHalvingScheduleIsBounded()
    {
        // Σ over all epochs of E / 2^⌊e/I⌋ ≤ 2·I·E (geometric series), as with Bitcoin's 21 M cap.
        const long e = 10_000 * TokenUnits.PerToken;
        long total = 0;
        for (var epoch = 0; epoch < 10_000; epoch++) total += Emission.Halved(e, epoch, 100);
        Assert.True(total <= 2 * 100 * e);
        Assert.True(total > 2 * 100 * e - 100 * 64); // only the per-halving floor is lost
    }
}
