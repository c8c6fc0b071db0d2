using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class PropagationTests
{
    // With instant propagation there are no forks, so each miner's share of blocks is a binomial draw around its hashrate share.
    [Fact]
    public void HonestRevenueFollowsHashrateWithoutDelay()
    {
        (double, MinerStrategy)[] miners = [(0.5, new HonestMiner()), (0.3, new HonestMiner()), (0.2, new HonestMiner())];
        var o = new NetworkSimulation(NetworkKit.Config(new UniformDelayTopology(3, 0), miners, 20_000, seed: 8)).Run();
        for (var i = 0; i < 3; i++)
        {
            var s = o.HashrateShares[i];
            var sigma = Math.Sqrt(s * (1 - s) / o.MainChainBlocks);
            Assert.InRange(o.RevenueShares[i], s - 4 * sigma, s + 4 * sigma);
        }
        Assert.Equal(0, o.AttackerRelativeRevenue);
    }

    // A relay spends the validation time before passing a block on, the block's maker does not: a child mined soon after
    // its parent arrived can overtake the parent on the next hop. Such a child waits for its parent at the node, and every
    // block still reaches every node. Slow validation also makes forks more frequent than with none.
    [Fact]
    public void ChildrenThatOutrunTheirParentWaitAndSlowValidationMeansMoreForks()
    {
        NetworkOutcome Run(double validation) => new NetworkSimulation(NetworkKit.Config(
            TopologyBuilder.Random(200, 4, 2, 0.1, 50e6, validation), NetworkKit.EqualHonest(40), 3000, seed: 2, blockBytes: 500_000)).Run();
        var slow = Run(20);
        var fast = Run(0);
        Assert.True(slow.OrphanArrivals > 0);
        Assert.Equal(0, fast.OrphanArrivals);
        Assert.True(slow.StaleRate > 2 * fast.StaleRate, $"{slow.StaleRate} vs {fast.StaleRate}");
        Assert.False(double.IsNaN(slow.MeanReach90));
        Assert.True(slow.MeanReach90 > fast.MeanReach90 + 20);
    }

    [Fact]
    public void AStrategyServesOneRun()
    {
        var config = NetworkKit.Config(new UniformDelayTopology(2, 0), NetworkKit.EqualHonest(2), 10);
        var sim = new NetworkSimulation(config);
        sim.Run();
        Assert.Throws<InvalidOperationException>(() => sim.Run());
        Assert.Throws<InvalidOperationException>(() => new NetworkSimulation(config).Run());
    }
}
