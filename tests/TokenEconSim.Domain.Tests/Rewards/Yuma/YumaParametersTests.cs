using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

public class YumaParametersTests
{
    [Fact]
    public void SubtensorsDefaultsAreValid() => Assert.Empty(YumaParameters.Subtensor.Problems());

    [Theory]
    [InlineData(0.0, "kappa")]
    [InlineData(1.0, "kappa")]
    [InlineData(-0.2, "kappa")]
    [InlineData(double.NaN, "kappa")]
    public void KappaOutsideTheOpenUnitIntervalIsAProblem(double kappa, string named)
    {
        var problems = (YumaParameters.Subtensor with { Kappa = kappa }).Problems();
        Assert.Contains(problems, p => p.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void AlphaLowAboveAlphaHighIsAProblem()
    {
        var p = YumaParameters.Subtensor with { AlphaLow = 0.5, AlphaHigh = 0.3 };
        Assert.Contains(p.Problems(), x => x.Contains("must not exceed alpha_high", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => p.Checked());
    }

    [Fact]
    public void LiquidAlphaSpansLowToHigh()
    {
        // A steep sigmoid saturates; subtensor's exp_safe caps the exponent at ±20, so within e^−20 of the ends.
        var p = YumaParameters.Subtensor;
        Assert.Equal(p.AlphaLow, LiquidAlpha.Of(0.5, 0.5, 0.5, p with { AlphaSigmoidSteepness = 30_000 }), 7);
        Assert.Equal(p.AlphaHigh, LiquidAlpha.Of(0, 1, 0, p with { AlphaSigmoidSteepness = 30_000 }), 7);
        Assert.Equal((p.AlphaLow + p.AlphaHigh) / 2, LiquidAlpha.Of(0, 0.5, 0, p), 12); // d = ½: the sigmoid's middle
    }
}
