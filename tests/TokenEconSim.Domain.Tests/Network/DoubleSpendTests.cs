using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class DoubleSpendTests
{
    // Rosenfeld, "Analysis of hashrate-based double spending" (2014), eq. for r(q, z): the attacker pre-mines one
    // block, pays, and wins if its branch ever overtakes the honest chain once the merchant has z confirmations.
    // Each attempt is a Bernoulli trial, so the measured rate lies within 4 standard errors √(r(1−r)/n) of r.
    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.1, 3)]
    [InlineData(0.2, 2)]
    [InlineData(0.3, 3)]
    [InlineData(0.35, 6)]
    public void SuccessRateMatchesRosenfeld(double q, int z)
    {
        var attacker = new DoubleSpender(z);
        var outcome = new NetworkSimulation(NetworkKit.Config(new UniformDelayTopology(2, 0),
            [(1 - q, new HonestMiner()), (q, attacker)], 150_000, seed: 3)).Run();
        var r = DoubleSpender.RosenfeldSuccess(q, z);
        var n = outcome.DoubleSpendAttempts;
        Assert.True(n > 500, $"{n} attempts");
        var sigma = Math.Sqrt(r * (1 - r) / n);
        Assert.InRange((double)outcome.DoubleSpendSuccesses / n, r - 4 * sigma, r + 4 * sigma);
    }

    // Values from the formula worked by hand: r(0.1, 1) = 2q = 0.2; r(0.3, 3) = 0.3262 (the negative binomial sum).
    [Fact]
    public void FormulaGivesHandWorkedValues()
    {
        Assert.Equal(0.2, DoubleSpender.RosenfeldSuccess(0.1, 1), 12);
        Assert.Equal(0.3262, DoubleSpender.RosenfeldSuccess(0.3, 3), 4);
        Assert.Equal(1, DoubleSpender.RosenfeldSuccess(0.5, 6));
    }
}
