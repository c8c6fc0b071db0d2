using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

public class StakeWeightedMedianTests
{
    // With κ = ½ the consensus is a weighted median: no more than half the stake scores below it and
    // less than half above it, and it is one of the scores. Random columns, fixed seed.
    [Fact]
    public void WithKappaAHalfItIsAWeightedMedian()
    {
        var rng = new Random(7);
        for (var trial = 0; trial < 500; trial++)
        {
            var n = rng.Next(1, 12);
            var stakes = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
            var scores = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble(), 1)).ToArray(); // ties too
            var median = StakeWeightedMedian.Of(stakes, scores, 0.5);
            var total = stakes.Sum();
            var below = stakes.Where((_, i) => scores[i] < median).Sum() / total;
            var above = stakes.Where((_, i) => scores[i] > median).Sum() / total;
            Assert.Contains(median, scores);
            Assert.True(below <= 0.5 + 1e-12, $"trial {trial}: {below} of the stake is below {median}");
            Assert.True(above < 0.5, $"trial {trial}: {above} of the stake is above {median}");
        }
    }

    [Theory]
    [InlineData(new[] { 0.9, 0.1, 0.5 }, 0.5)]
    [InlineData(new[] { 0.3, 0.7, 0.2, 0.8, 0.4 }, 0.4)]
    [InlineData(new[] { 1.0, 1.0, 0.0 }, 1.0)]
    public void WithEqualStakesAndAnOddCountItIsTheMiddleScore(double[] scores, double middle) =>
        Assert.Equal(middle, StakeWeightedMedian.Of([.. scores.Select(_ => 1.0)], scores, 0.5));

    // κ is the stake a score needs behind it: 0.6 of the stake at ≥ 0.8 passes κ = 0.6 but not κ = 0.61.
    [Fact]
    public void KappaIsTheStakeAScoreNeedsBehindIt()
    {
        double[] stakes = [0.6, 0.3, 0.1], scores = [0.8, 0.5, 0.1];
        Assert.Equal(0.8, StakeWeightedMedian.Of(stakes, scores, 0.6));
        Assert.Equal(0.5, StakeWeightedMedian.Of(stakes, scores, 0.61));
        Assert.Equal(0.5, StakeWeightedMedian.Of(stakes, scores, 0.9));
        Assert.Equal(0.1, StakeWeightedMedian.Of(stakes, scores, 0.95));
    }

    [Fact]
    public void OnlyValidatorsWithStakeVote()
    {
        Assert.Equal(0.2, StakeWeightedMedian.Of([0, 1, 0], [1, 0.2, 1], 0.5));
        Assert.Equal(0, StakeWeightedMedian.Of([0, 0], [1, 1], 0.5));
    }
}
