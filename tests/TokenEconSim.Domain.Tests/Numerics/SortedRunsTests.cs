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
        Assert.Equal(expected, new SortedRuns().Merge(runs).ToArray());
    }

    [Fact]
    public void OneMergerReusedForRunsOfOtherSizesAndCountsStaysExact()
    {
        var merger = new SortedRuns();
        var rng = new Xoshiro256StarStar(7);
        foreach (var runCount in new[] { 10, 3, 65, 1, 10, 2 })
        {
            var runs = Enumerable.Range(0, runCount)
                .Select(_ => Enumerable.Range(0, rng.Next(0, 300)).Select(_ => rng.NextInt64(0, 1L << 40)).Order().ToArray())
                .ToArray();
            Assert.Equal(runs.SelectMany(r => r).Order(), merger.Merge(runs).ToArray());
        }
    }

    [Fact]
    public void TheInputRunsAreNotModifiedOrReturned()
    {
        long[] only = [1, 2, 3];
        var merger = new SortedRuns();
        var merged = merger.Merge([only]);
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(merged, out var segment) && ReferenceEquals(segment.Array, only));
        Assert.Equal([1L, 2, 3], merged.ToArray());
        Assert.Equal(0, merger.Merge([]).Length);
    }
}
