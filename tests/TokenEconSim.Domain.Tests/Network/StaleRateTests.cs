using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class StaleRateTests
{
    // Decker and Wattenhofer ("Information Propagation in the Bitcoin Network", IEEE P2P 2013, §V): a fork happens
    // when another block is found while the last one is still propagating. Blocks arrive as a Poisson process of rate
    // 1/T; if every node receives a block exactly d after it is found, the chance that the rest of the network finds
    // one in that window is 1 − e^(−d/T) (their ∫(1 − f(t))dt equals d for a step at d). Measured here as the share of
    // main-chain heights that were contested by a stale sibling. 100 equal miners, so the finder's own share (which
    // cannot fork itself) moves the reference by 1 %; runs of ~1 300 forks keep the standard error near 3 % relative.
    [Theory]
    [InlineData(0.01, 120_000)]
    [InlineData(0.05, 30_000)]
    [InlineData(0.1, 15_000)]
    public void ForkRateMatchesOneMinusExpMinusDOverT(double ratio, int blocks)
    {
        const int miners = 100;
        var topology = new UniformDelayTopology(miners, ratio * NetworkKit.Interval);
        var outcome = new NetworkSimulation(NetworkKit.Config(topology, NetworkKit.EqualHonest(miners), blocks, seed: 11)).Run();
        var expected = 1 - Math.Exp(-ratio);
        Assert.InRange(outcome.ForkRate, 0.9 * expected, 1.1 * expected);
        Assert.True(outcome.StaleBlocks > 0);
        Assert.InRange(outcome.StaleRate, 0.8 * expected, 1.1 * expected);
    }

    [Fact]
    public void WithoutDelayThereAreNoForks()
    {
        var outcome = new NetworkSimulation(NetworkKit.Config(new UniformDelayTopology(10, 0), NetworkKit.EqualHonest(10), 5000)).Run();
        Assert.Equal(0, outcome.StaleBlocks);
        Assert.Equal(outcome.MainTipHeight, outcome.BlocksFound);
        Assert.Equal(0, outcome.MeanReach90);
    }
}
