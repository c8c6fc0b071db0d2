using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Numerics;

public class SortedRunsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(300)]
    public void MergingSortedRunsEqualsSortingTheirConcatenation(int runCount)
    {
        var rng = new Xoshiro256StarStar((ulong)runCount);
        var runs = Enumerable.Range(0, runCount)
            .Select(_ => Enumerable.Range(0, rng.Next(0, 50)).Select(_ => rng.NextInt64(-5, 40)).Order().ToArray())
            .ToArray();
        var expected = runs.SelectMany(r => r).Order().ToArray();
        Assert.Equal(expected, SortedRuns.Merge(runs));
    }

    [Fact]
    public void TheInputRunsAreNotModifiedOrReturned()
    {
        long[] only = [1, 2, 3];
        var merged = SortedRuns.Merge([only]);
        merged[0] = 99;
        Assert.Equal([1L, 2, 3], only);
        Assert.Empty(SortedRuns.Merge([]));
    }
}
