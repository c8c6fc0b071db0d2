using TokenEconSim.Domain.Market;

namespace TokenEconSim.Domain.Tests.Market;

public class ConstantProductPoolTests
{
    private const long UniswapFee = 3_000; // 0.3 % in ppm: Uniswap v2's 997/1000

    // Hand-checked against UniswapV2Library.getAmountOut:
    // in·997·R_out / (R_in·1000 + in·997), floored.
    [Theory]
    // 1000·997·10000 / (10000·1000 + 1000·997) = 9 970 000 000 / 10 997 000 = 906.61… → 906
    [InlineData(1_000, 10_000, 10_000, UniswapFee, 906)]
    // v2-periphery's router test: getAmountOut(2, 100, 100) = 1
    [InlineData(2, 100, 100, UniswapFee, 1)]
    // v2-core's getInputPrice vector [1, 5, 10] ether → 1662497915624478906 wei, at a tenth of the
    // scale to fit a long: the same ratio, so the floor of a tenth of it.
    [InlineData(100_000_000_000_000_000, 500_000_000_000_000_000, 1_000_000_000_000_000_000, UniswapFee, 166_249_791_562_447_890)]
    // No fee: 1000·10000 / 11000 = 909.09… → 909
    [InlineData(1_000, 10_000, 10_000, 0, 909)]
    [InlineData(0, 10_000, 10_000, UniswapFee, 0)]
    public void AmountOutIsUniswapV2sGetAmountOut(long amountIn, long reserveIn, long reserveOut, long feePpm, long expected) =>
        Assert.Equal(expected, ConstantProductPool.AmountOut(amountIn, reserveIn, reserveOut, feePpm));

    [Fact]
    public void ASwapMovesTheReservesByExactlyWhatWentInAndOut()
    {
        var pool = new ConstantProductPool(10_000, 10_000, UniswapFee);
        var stable = pool.SellToken(1_000);
        Assert.Equal(906, stable);
        Assert.Equal(11_000, pool.ReserveToken);
        Assert.Equal(10_000 - 906, pool.ReserveStable);
        var tokens = pool.BuyToken(906);
        Assert.Equal(ConstantProductPool.AmountOut(906, 9_094, 11_000, UniswapFee), tokens);
        Assert.True(tokens < 1_000); // a round trip loses the fees (twice) and the rounding
    }

    // x·y = k never falls; without a fee it grows only by the floor's dust (less than one unit of
    // output times the new input reserve); with a fee it grows by more.
    [Fact]
    public void KGrowsOnlyByFees()
    {
        var rng = new Random(11);
        var free = new ConstantProductPool(5_000_000_000, 7_000_000_000, 0);
        var taxed = new ConstantProductPool(5_000_000_000, 7_000_000_000, UniswapFee);
        for (var i = 0; i < 2_000; i++)
        {
            var sell = rng.Next(2) == 0;
            var amount = rng.NextInt64(1, 300_000_000);
            var (k0, kt0) = (free.K, taxed.K);
            var bound = sell ? free.ReserveToken + amount : free.ReserveStable + amount;
            if (sell) { free.SellToken(amount); taxed.SellToken(amount); }
            else { free.BuyToken(amount); taxed.BuyToken(amount); }
            Assert.True(free.K >= k0);
            Assert.True(free.K - k0 < bound, $"swap {i}: k grew by {free.K - k0} without a fee");
            Assert.True(taxed.K > kt0);
        }
        Assert.True(taxed.K > free.K);
    }

    [Fact]
    public void PriceImpactGrowsWithTheTradeAndNeverEmptiesThePool()
    {
        var spot = new ConstantProductPool(1_000_000, 1_000_000, UniswapFee).Price;
        Assert.Equal(1.0, spot);
        var previousAverage = 0.0;
        foreach (var size in new long[] { 1_000, 10_000, 100_000, 1_000_000, 100_000_000 })
        {
            var pool = new ConstantProductPool(1_000_000, 1_000_000, UniswapFee);
            var tokens = pool.BuyToken(size);
            var average = size / (double)tokens;       // stable paid per token received
            Assert.True(average > spot);              // never better than the spot price
            Assert.True(average > previousAverage);   // bigger trades pay more per token
            Assert.True(pool.ReserveToken >= 1);      // cannot be drained
            Assert.True(pool.Price > spot);           // buying raises the price
            previousAverage = average;
        }
        // A 1 % trade moves the price by about 2 % (both reserves move by 1 %).
        var small = new ConstantProductPool(1_000_000, 1_000_000, UniswapFee);
        small.BuyToken(10_000);
        Assert.InRange(small.Price, 1.019, 1.021);
    }

    [Fact]
    public void StateRoundTripsExactly()
    {
        var pool = new ConstantProductPool(123_456_789, 987_654_321, UniswapFee);
        pool.SellToken(1_234_567);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) pool.WriteState(w);
        stream.Position = 0;
        var copy = ConstantProductPool.ReadState(new BinaryReader(stream));
        Assert.Equal((pool.ReserveToken, pool.ReserveStable, pool.FeePpm), (copy.ReserveToken, copy.ReserveStable, copy.FeePpm));
        Assert.Equal(pool.BuyToken(5_000_000), copy.BuyToken(5_000_000));
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 0, 0)]
    [InlineData(1, 1, 1_000_000)]
    [InlineData(1, 1, -1)]
    public void BadPoolsAreRefused(long token, long stable, long fee) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantProductPool(token, stable, fee));
}
