using TokenEconSim.Domain.Numerics;

namespace TokenEconSim.Domain.Tests.Numerics;

public class NakamotoCoefficientTests
{
    // Hand-checked: sorted descending, the running share first exceeds one half at the given count.
    [Theory]
    [InlineData(new long[] { 60, 20, 20 }, 1)]          // 60 % > 50 %
    [InlineData(new long[] { 50, 50 }, 2)]              // exactly half is not a majority
    [InlineData(new long[] { 10, 40, 50 }, 2)]          // 50, then 90
    [InlineData(new long[] { 1, 1, 1, 1, 1 }, 3)]       // 2/5 = 40 %, 3/5 = 60 %
    [InlineData(new long[] { 25, 25, 25, 25 }, 3)]      // 50 % after two: needs three
    [InlineData(new long[] { 0, 0, 7 }, 1)]
    [InlineData(new long[] { 30, 0, 21, 49 }, 2)]       // 49, then 79
    public void StakeExamples(long[] weights, int expected) =>
        Assert.Equal(expected, NakamotoCoefficient.Of(weights));

    [Theory]
    [InlineData(new[] { 0.3, 0.25, 0.2, 0.15, 0.1 }, 2)] // 0.55 after two
    [InlineData(new[] { 0.25, 0.25, 0.25, 0.25 }, 3)]
    [InlineData(new[] { 5e18, 1.0 }, 1)]
    public void HashrateExamples(double[] weights, int expected) =>
        Assert.Equal(expected, NakamotoCoefficient.Of(weights));

    [Fact]
    public void NoWeightGivesZero()
    {
        Assert.Equal(0, NakamotoCoefficient.Of(ReadOnlySpan<long>.Empty));
        Assert.Equal(0, NakamotoCoefficient.Of(new long[] { 0, 0 }));
        Assert.Equal(0, NakamotoCoefficient.Of(new double[] { 0, 0 }));
    }

    [Fact]
    public void NegativeOrNonFiniteWeightsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NakamotoCoefficient.Of(new long[] { 5, -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NakamotoCoefficient.Of(new[] { 1.0, double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NakamotoCoefficient.Of(new[] { 1.0, double.PositiveInfinity }));
    }

    [Fact]
    public void ExactAtTheBoundaryForHugeIntegers()
    {
        // Totals beyond long.MaxValue, summed exactly. First case: the largest, 2⁶² + 1, is exactly half
        // of 2⁶³ + 2, so not a majority; one more unit makes it one.
        const long half = 1L << 62;
        Assert.Equal(2, NakamotoCoefficient.Of(new[] { half + 1, half - 1, 2 }));
        Assert.Equal(1, NakamotoCoefficient.Of(new[] { half + 2, half - 1, 2 }));
    }
}
