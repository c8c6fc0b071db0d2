using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Rewards;

public class ContributionValuesTests
{
    // docs/model.md §2.2: V_T = c_gpu·g + c_acc·Δacc with the defaults 0.5 and 10 000; 500 h and +2 % ⇒ 250 + 200 = 450.
    [Fact]
    public void TrainingValueWorkedExample()
    {
        var defaults = new RewardsSection();
        Assert.Equal(0.5, defaults.CGpu);
        Assert.Equal(10_000, defaults.CAcc);
        Assert.Equal(450, ContributionValues.TrainingValue(500, 0.02, defaults.CGpu, defaults.CAcc), 9);
        Assert.Equal(250, ContributionValues.TrainingValue(500, 0, defaults.CGpu, defaults.CAcc), 9);
        Assert.Equal(200, ContributionValues.TrainingValue(0, 0.02, defaults.CGpu, defaults.CAcc), 9);
    }

    // docs/model.md §2.1: V_D = n·q.
    [Fact]
    public void DataValueIsRecordsTimesQuality()
    {
        Assert.Equal(800, ContributionValues.DataValue(1000, 0.8), 9);
        Assert.Equal(0, ContributionValues.DataValue(0, 0.9));
        Assert.Equal(0, ContributionValues.DataValue(1000, 0));
    }

    [Fact]
    public void SyntheticAccuracyGainIsGainTimesQualityTimesUniform()
    {
        Assert.Equal(0.02 * 0.8 * 0.5, ContributionValues.SyntheticAccuracyGain(0.02, 0.8, 0.5), 15);
        Assert.Equal(0, ContributionValues.SyntheticAccuracyGain(0.02, 0.8, 0));
        Assert.Equal(0, ContributionValues.SyntheticAccuracyGain(0.02, 0, 0.7));
    }

    // docs/model.md §3.1's worked example: α = 0.4, β = 0.3, γ = 0.3, V_D = 1000 × 0.8 = 800,
    // V_T = 450 (500 GPU-hours, +2 %), V_U = 0 ⇒ R = 320 + 135 = 455.
    [Fact]
    public void RewardWorkedExample()
    {
        var rewards = new RewardsSection();
        var weights = new RewardWeights(rewards.Alpha, rewards.Beta, rewards.Gamma);
        Assert.Equal(new RewardWeights(0.4, 0.3, 0.3), weights);

        var vd = ContributionValues.DataValue(1000, 0.8);
        var vt = ContributionValues.TrainingValue(500, 0.02, rewards.CGpu, rewards.CAcc);
        var r = weights.Reward(vd, vt, 0);
        Assert.Equal(455, r, 9);
        Assert.Equal(320, weights.Reward(vd, 0, 0), 9);
        Assert.Equal(135, weights.Reward(0, vt, 0), 9);

        // In absolute mode that R is minted as 455 tokens (to the base unit).
        Assert.Equal(455 * TokenUnits.PerToken, PoolSplit.Absolute(ExactSum.Quantize(r), TokenUnits.PerToken));
    }

    [Fact]
    public void RewardIsLinearInEachValue()
    {
        var w = new RewardWeights(0.5, 0.2, 0.3);
        Assert.Equal(0.5 * 10 + 0.2 * 20 + 0.3 * 30, w.Reward(10, 20, 30), 12);
        Assert.Equal(0.3 * 7, w.Reward(0, 0, 7), 12);
    }
}
