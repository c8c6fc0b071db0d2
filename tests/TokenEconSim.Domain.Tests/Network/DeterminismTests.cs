using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class DeterminismTests
{
    private static NetworkOutcome Run(long seed) =>
        new NetworkSimulation(NetworkKit.Config(TopologyBuilder.Regions(300, 8, seed), Miners(), 300, seed, blockBytes: 1_000_000)).Run();

    private static (double, MinerStrategy)[] Miners() =>
    [
        (0.3, new SelfishMiner()), (0.2, new HonestMiner()), (0.2, new HonestMiner(TieRule.SwitchWithProbability, 0.5)),
        (0.2, new DoubleSpender(2)), (0.1, new HonestMiner()),
    ];

    [Fact]
    public void SameSeedGivesTheSameOutcome()
    {
        var a = Run(9);
        var b = Run(9);
        Assert.Equal(a.Digest(), b.Digest());
        Assert.NotEqual(a.Digest(), Run(10).Digest());
    }

    [Fact]
    public void RegionalNetworkPropagatesWithinSeconds()
    {
        var o = Run(9);
        Assert.InRange(o.MeanReach50, 0.1, o.MeanReach90);
        Assert.InRange(o.MeanReach90, o.MeanReach50, 10);
        Assert.Equal(300, o.BlocksFound);
    }
}
