using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

public class YumaRoleEpochTests
{
    private static readonly double[] Values = [80, 40, 20, 60, 0];

    [Fact]
    public void WithoutBiasOrNoiseAValidatorSeesTheValues() =>
        Assert.Equal(Values, ValidatorEvaluation.Scores(Values, 0, 0, new Xoshiro256StarStar(1)));

    [Fact]
    public void BiasIsInUnitsOfTheRolesMeanValue()
    {
        // V̄ = 40: a bias of −0.5 takes 20 off every score, and none goes below zero.
        Assert.Equal([60, 20, 0, 40, 0], ValidatorEvaluation.Scores(Values, -0.5, 0, new Xoshiro256StarStar(1)));
    }

    [Fact]
    public void NoiseComesFromTheValidatorsStreamAlone()
    {
        var a = ValidatorEvaluation.Scores(Values, 0, 0.2, new Xoshiro256StarStar(9));
        var b = ValidatorEvaluation.Scores(Values, 0, 0.2, new Xoshiro256StarStar(9));
        var c = ValidatorEvaluation.Scores(Values, 0, 0.2, new Xoshiro256StarStar(10));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(Values, a);
    }

    // Honest validators agree, nothing is clipped, and incentive is the values' share up to the u16 rounding.
    [Fact]
    public void HonestValidatorsPayByValue()
    {
        YumaValidator[] honest = [new(10, 0, 0), new(5, 0, 0), new(1, 0, 0)];
        var result = YumaRoleEpoch.Run(honest, Values, Zeros(3, 5), YumaParameters.Subtensor, k => new Xoshiro256StarStar((ulong)k));
        for (var j = 0; j < Values.Length; j++) Assert.Equal(Values[j] / Values.Sum(), result.Incentive[j], 4);
        Assert.Equal([10 / 16.0, 5 / 16.0, 1 / 16.0], result.Dividends.Select(d => Math.Round(d, 12)));
    }

    // A small validator that sees contributor 4 (worth 0) as the best is clipped: contributor 4 earns nothing.
    [Fact]
    public void AMinorityCannotPayAContributorTheMajorityValuesAtNothing()
    {
        YumaValidator[] validators = [new(10, 0, 0), new(5, 0, 0), new(2, 5, 0)]; // bias +5·V̄ lifts every score
        var result = YumaRoleEpoch.Run(validators, Values, Zeros(3, 5), YumaParameters.Subtensor, k => new Xoshiro256StarStar((ulong)k));
        Assert.Equal(0, result.Incentive[4]);
        Assert.True(result.ValidatorTrust[2] < result.ValidatorTrust[0]);
    }

    [Fact]
    public void PayoutsSplitTheRolesPartByIncentiveAndNeverExceedIt()
    {
        var payouts = YumaRoleEpoch.Payouts(1_000_000_007, [0.5, 0.25, 0.25, 0]);
        Assert.Equal([500_000_003, 250_000_001, 250_000_001, 0], payouts);
        Assert.True(payouts.Sum() <= 1_000_000_007);
        Assert.Equal([0, 0], YumaRoleEpoch.Payouts(100, [0, 0]));
    }

    private static double[][] Zeros(int rows, int columns) => [.. Enumerable.Range(0, rows).Select(_ => new double[columns])];
}
