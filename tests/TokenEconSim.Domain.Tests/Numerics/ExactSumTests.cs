using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Numerics;

public class ExactSumTests
{
    /// <summary>Values over many magnitudes and both signs: a naive double sum of them depends on the order.</summary>
    private static double[] Terms(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        return [.. Enumerable.Range(0, n).Select(_ =>
            (rng.NextDouble() < 0.2 ? -1 : 1) * Math.Pow(10, rng.NextDouble() * 12 - 3) * rng.NextDouble())];
    }

    private static ExactSum SumOf(IEnumerable<double> xs)
    {
        ExactSum s = default;
        foreach (var x in xs) s.Add(x);
        return s;
    }

    [Fact]
    public void ShuffledPermutationsGiveTheSameRaw()
    {
        var xs = Terms(5_000, 1);
        var reference = SumOf(xs).Raw;
        var rng = new Xoshiro256StarStar(2);
        var naive = new HashSet<double>();
        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = (double[])xs.Clone();
            rng.Shuffle(shuffled);
            Assert.Equal(reference, SumOf(shuffled).Raw);
            naive.Add(shuffled.Sum());
        }
        // The data set is one where order matters for plain doubles, so the test above means something.
        Assert.True(naive.Count > 1, "naive double sums were all equal; pick harder terms");
    }

    // Shards sum their agents, the loop sums the shards: every way of cutting the sequence into
    // consecutive partial sums (and adding the partials in any order) gives the same integer.
    [Fact]
    public void AnyPartitionIntoPartialSumsGivesTheSameRaw()
    {
        var xs = Terms(3_000, 3);
        var reference = SumOf(xs).Raw;
        var rng = new Xoshiro256StarStar(4);
        foreach (var shardSize in new[] { 1, 7, 100, 2_999, 10_000 })
        {
            var partials = xs.Chunk(shardSize).Select(SumOf).ToArray();
            rng.Shuffle(partials);
            ExactSum total = default;
            foreach (var p in partials) total.Add(p);
            Assert.Equal(reference, total.Raw);
            Assert.Equal(reference, partials.Aggregate(default(ExactSum), (a, b) => a + b).Raw);
        }
    }

    [Fact]
    public void EachTermIsRoundedOnceToTwoToTheMinus32()
    {
        Assert.Equal((Int128)1 << 32, ExactSum.Quantize(1.0));
        Assert.Equal((Int128)(-3) << 31, ExactSum.Quantize(-1.5));
        Assert.Equal(Int128.Zero, ExactSum.Quantize(1e-10)); // below half a step
        Assert.Equal(Int128.One, ExactSum.Quantize(1.0 / (1L << 32)));
        Assert.Equal(Int128.Zero, ExactSum.Quantize(0.5 / (1L << 32))); // tie: to even (0)
        Assert.Equal((Int128)2, ExactSum.Quantize(1.5 / (1L << 32)));   // tie: to even (2)
    }

    // Terms whose 2³²-multiple fits a long take a faster conversion; both sides of the 2⁶³ edge
    // must give the integer that double → Int128 gives.
    [Theory]
    [InlineData(2147483647.9999998)]    // just below 2³¹: x·2³² < 2⁶³
    [InlineData(2147483648.0)]          // 2³¹: x·2³² = 2⁶³, the first value past a long
    [InlineData(-2147483648.0)]         // −2⁶³ itself
    [InlineData(-2147483648.0000005)]
    [InlineData(1e15)]
    [InlineData(-3.5e20)]
    [InlineData(123456.789)]
    public void LargeTermsQuantiseAsThroughInt128(double x) =>
        Assert.Equal((Int128)Math.Round(x * 4294967296.0, MidpointRounding.ToEven), ExactSum.Quantize(x));

    // x·2³² is exact in binary floating point, so the rounding error of each term can be measured
    // exactly: at most half a step (2⁻³³), and the sum of the integers is the Raw.
    [Fact]
    public void QuantisationErrorIsAtMostHalfAStepPerTerm()
    {
        var xs = Terms(10_000, 5);
        Int128 total = 0;
        foreach (var x in xs)
        {
            var q = ExactSum.Quantize(x);
            Assert.True(Math.Abs((double)q - x * 4294967296.0) <= 0.5, $"term {x}");
            total += q;
        }
        Assert.Equal(total, SumOf(xs).Raw);
    }

    [Fact]
    public void DefaultIsZeroAndRawRoundTrips()
    {
        ExactSum s = default;
        Assert.Equal(0, s.Value);
        s.Add(2.25);
        Assert.Equal(2.25, new ExactSum(s.Raw).Value);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteTermsAreRefused(double x)
    {
        ExactSum s = default;
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Add(x));
    }
}
