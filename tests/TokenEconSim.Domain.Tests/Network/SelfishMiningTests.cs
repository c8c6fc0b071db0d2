using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class SelfishMiningTests
{
    // Eyal and Sirer, "Majority is not Enough" (2014), eq. 8: the pool's relative revenue under SM1 with instant
    // propagation, where a share γ of honest hashrate mines on the pool's block in a tie. The honest side is one miner
    // that switches to the pool's block in a tie with probability γ, which gives the same next-block odds.
    [Theory]
    [InlineData(0.1, 0.0)]
    [InlineData(0.1, 0.5)]
    [InlineData(0.1, 1.0)]
    [InlineData(0.2, 0.0)]
    [InlineData(0.2, 0.5)]
    [InlineData(0.2, 1.0)]
    [InlineData(0.3, 0.0)]
    [InlineData(0.3, 0.5)]
    [InlineData(0.3, 1.0)]
    [InlineData(0.45, 0.0)]
    [InlineData(0.45, 0.5)]
    [InlineData(0.45, 1.0)]
    public void RelativeRevenueMatchesEyalSirer(double alpha, double gamma)
    {
        var outcome = Run(alpha, gamma, 120_000);
        Assert.InRange(outcome.AttackerRelativeRevenue, SelfishMiner.RelativeRevenue(alpha, gamma) - 0.01,
            SelfishMiner.RelativeRevenue(alpha, gamma) + 0.01);
    }

    // The thresholds of the paper: below 1/3 at γ = 0 (1/4 at γ = 1/2) the pool earns less than its hashrate share.
    [Theory]
    [InlineData(0.25, 0.0, false)]
    [InlineData(0.40, 0.0, true)]
    [InlineData(0.20, 0.5, false)]
    [InlineData(0.30, 0.5, true)]
    public void ProfitableOnlyAboveTheThreshold(double alpha, double gamma, bool profitable)
    {
        Assert.Equal(profitable, SelfishMiner.RelativeRevenue(alpha, gamma) > alpha);
        Assert.Equal(profitable, Run(alpha, gamma, 60_000).AttackerRelativeRevenue > alpha);
    }

    [Fact]
    public void ClosedFormHasThePapersThresholds()
    {
        Assert.Equal(1.0 / 3, SelfishMiner.RelativeRevenue(1.0 / 3, 0), 12);
        Assert.Equal(0.25, SelfishMiner.RelativeRevenue(0.25, 0.5), 12);
    }

    private static NetworkOutcome Run(double alpha, double gamma, int blocks) =>
        new NetworkSimulation(NetworkKit.Config(new UniformDelayTopology(2, 0),
            [(1 - alpha, new HonestMiner(TieRule.SwitchWithProbability, gamma)), (alpha, new SelfishMiner())], blocks, seed: 5)).Run();
}
