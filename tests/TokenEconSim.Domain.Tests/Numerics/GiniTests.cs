using TokenEconSim.Domain.Numerics;

namespace TokenEconSim.Domain.Tests.Numerics;

public class GiniTests
{
    [Fact]
    public void EqualAmountsHaveZeroGini() => Assert.Equal(0, Gini.OfInPlace([5, 5, 5, 5]));

    // One agent holds everything among n: G = (n−1)/n (the maximum for a finite population).
    [Theory]
    [InlineData(2, 0.5)]
    [InlineData(4, 0.75)]
    [InlineData(10, 0.9)]
    public void OneHolderOfEverything(int n, double expected)
    {
        var amounts = new long[n];
        amounts[^1] = 1000;
        Assert.Equal(expected, Gini.OfInPlace(amounts), 12);
    }

    // {1,2,3,4,5}: mean absolute difference Σ|xi−xj|/n² = 40/25 = 1.6, mean 3 ⇒ G = 1.6/(2·3) = 4/15.
    [Fact]
    public void KnownVectorMatchesMeanAbsoluteDifferenceDefinition()
    {
        Assert.Equal(4.0 / 15.0, Gini.OfInPlace([3, 1, 5, 2, 4]), 12);
        Assert.Equal(4.0 / 15.0, Gini.Of([3.0, 1, 5, 2, 4]), 12);
    }

    [Fact]
    public void AllZeroIsZero() => Assert.Equal(0, Gini.OfInPlace([0, 0, 0]));
}
