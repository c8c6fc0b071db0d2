using TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

namespace TokenEconSim.Domain.Tests.Consensus.DelegatedProofOfStake;

public class ProducerElectionTests
{
    private static readonly Delegation[] Votes =
    [
        new(1, 50, 100), new(2, 30, 101), new(3, 20, 101), // 101: 50, tied with 100
        new(4, 70, 102), new(5, 49, 103), new(6, 0, 104),
    ];

    [Fact]
    public void TallySumsStakePerCandidate()
    {
        var tally = ProducerElection.Tally(Votes);
        Assert.Equal([100, 101, 102, 103, 104], tally.Keys);
        Assert.Equal([50L, 50, 70, 49, 0], tally.Values);
    }

    // 102 leads with 70; 100 and 101 tie at 50 and the lower id ranks first.
    [Theory]
    [InlineData(1, new[] { 102 })]
    [InlineData(2, new[] { 102, 100 })]
    [InlineData(3, new[] { 102, 100, 101 })]
    [InlineData(4, new[] { 102, 100, 101, 103 })]
    [InlineData(9, new[] { 102, 100, 101, 103 })] // fewer candidates with stake than K; 104 has none
    public void TopKByStakeTiesToLowerId(int k, int[] expected) =>
        Assert.Equal(expected, ProducerElection.Elect(ProducerElection.Tally(Votes), k));

    [Fact]
    public void RotationCyclesThroughTheRankOrder()
    {
        int[] producers = [102, 100, 101];
        Assert.Equal([102, 100, 101, 102, 100, 101, 102], Enumerable.Range(0, 7).Select(i => ProducerElection.ProducerFor(producers, i)));
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProducerElection.Elect(ProducerElection.Tally(Votes), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProducerElection.Tally([new Delegation(1, -1, 2)]));
    }
}
