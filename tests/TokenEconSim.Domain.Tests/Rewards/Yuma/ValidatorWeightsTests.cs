using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

public class ValidatorWeightsTests
{
    [Fact]
    public void TheBestScoreGetsU16MaxAndTheRestTheirRatioRounded()
    {
        Assert.Equal([65_535, 32_768, 0], ValidatorWeights.FromScores([2.0, 1.0, 0.0]));
        Assert.Equal([21_845, 65_535], ValidatorWeights.FromScores([0.1, 0.3]));
    }

    [Fact]
    public void NegativeAndNonFiniteScoresWeighNothing()
    {
        Assert.Equal([0, 65_535, 0], ValidatorWeights.FromScores([-1.0, 0.4, double.NaN]));
        Assert.Equal([0, 0], ValidatorWeights.FromScores([0.0, -3.0]));
    }
}
