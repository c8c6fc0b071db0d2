using TokenEconSim.Domain.Consensus.Production;

namespace TokenEconSim.Domain.Tests.Consensus;

public class GreedyHashrateTests
{
    [Fact]
    public void GreedyMinersJoinWhenWorkIsCheapAndLeaveWhenItIsDearWithHysteresis()
    {
        var greedy = new GreedyHashrate(fraction: 2, threshold: 0.1);
        Assert.Equal(1, greedy.Multiplier(expectedHashes: 100, fairHashes: 100));   // fair: stay out
        Assert.Equal(1, greedy.Multiplier(95, 100));                                // inside the band
        Assert.Equal(3, greedy.Multiplier(85, 100));                                // cheap: join
        Assert.Equal(3, greedy.Multiplier(105, 100));                               // inside the band: stay
        Assert.Equal(1, greedy.Multiplier(115, 100));                               // dear: leave
        Assert.False(greedy.Mining);
    }

    [Fact]
    public void WithoutGreedyHashrateNothingChanges() =>
        Assert.Equal(1, new GreedyHashrate(0, 0.1).Multiplier(1, 100));
}
