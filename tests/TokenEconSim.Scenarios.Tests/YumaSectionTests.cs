using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards.Yuma;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>rewards.scoring and rewards.yuma: bound with subtensor's defaults, validated with file:line:column, written back.</summary>
public class YumaSectionTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ScenarioLoadResult Load(string yaml) => ScenarioLoader.LoadFile(_dir.Write("s.yaml", yaml));

    [Fact]
    public void ScoringIsRawAndTheParametersAreSubtensorsByDefault()
    {
        var s = new Scenario();
        Assert.Equal(RewardScoring.Raw, s.Rewards.Scoring);
        Assert.Equal(YumaParameters.Subtensor, s.Rewards.Yuma.Parameters);
        Assert.Equal(new Distribution(DistributionKind.Const, 0), s.Rewards.Yuma.Noise);
    }

    [Fact]
    public void TheSectionBindsAndIsWrittenBack()
    {
        var result = Load("""
            rewards:
              mode: shares
              scoring: yuma
              yuma:
                kappa: 0.6
                liquid_alpha: false
                bonds_moving_average: 0.975
                bias: uniform(-0.2,0.2)
                noise: const(0.1)
            """);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var y = result.Scenario!.Rewards.Yuma;
        Assert.Equal((RewardScoring.Yuma, 0.6, false, 0.975), (result.Scenario.Rewards.Scoring, y.Kappa, y.LiquidAlpha, y.BondsMovingAverage));
        Assert.Equal(new Distribution(DistributionKind.Uniform, -0.2, 0.2), y.Bias);
        var again = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(result.Scenario));
        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal(y.Parameters, again.Scenario!.Rewards.Yuma.Parameters);
        Assert.Equal(y.Bias, again.Scenario.Rewards.Yuma.Bias);
    }

    [Theory]
    [InlineData("rewards:\n  yuma:\n    kappa: 1\n", 3, 12, "rewards.yuma.kappa: kappa must be in (0, 1)")]
    [InlineData("rewards:\n  yuma:\n    kappa: 0\n", 3, 12, "rewards.yuma.kappa: 0 is out of range")]
    [InlineData("rewards:\n  yuma:\n    alpha_high: 0.5\n    alpha_low: 0.6\n", 4, 16, "alpha_low (0.6) must not exceed alpha_high (0.5)")]
    [InlineData("rewards:\n  yuma:\n    noise: uniform(-1,1)\n", 3, 12, "samples must be ≥ 0")]
    [InlineData("rewards:\n  mode: absolute\n  scoring: yuma\n", 3, 12, "has no pool to split")]
    [InlineData("rewards:\n  scoring: yuma\npopulations:\n  validators:\n    count: 0\n", 2, 12, "needs validators")]
    [InlineData("rewards:\n  yuma:\n    colluders: 3\n    copiers: 2\n    lazy: 1\npopulations:\n  validators:\n    count: 5\n", 2, 3,
        "3 colluders, 2 copiers and 1 lazy validators are 6, but populations.validators.count is 5")]
    [InlineData("rewards:\n  yuma:\n    collusion_boost: 0.5\n", 3, 22, "rewards.yuma.collusion_boost: 0.5 is out of range")]
    public void BadValuesAreErrorsAtTheirKey(string yaml, int line, int column, string message)
    {
        var error = Assert.Single(Load(yaml).Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
