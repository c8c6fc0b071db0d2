using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>
/// Cheating as a choice (docs/model.md, "Agents' behaviour and incentives", cheating): a provider
/// paid R = 15 tokens for an accepted contribution that costs C = 10 honestly may submit a cheap copy
/// instead (cost 0: it saves ΔC = 10). A cheat is caught with probability d; a caught one is paid
/// nothing and slashed S = 20. Honest profit R − C = 5; cheating (1 − d)·R − d·S. Cheating pays iff
/// the expected penalty is below the cost saved, d·(S + R) &lt; ΔC, i.e. d &lt; d* = 10/35 ≈ 0.286.
/// </summary>
public class CheatingThresholdTests
{
    private const double Reward = 15, HonestCost = 10, Slash = 20, Step = 0.05;
    private const double Threshold = HonestCost / (Slash + Reward); // ΔC / (S + R), with the cheat costing nothing
    private const int Epochs = 300, Tail = 100, Providers = 200;

    internal static ProviderBehaviour Cheaters(BehaviourModel model, double lambda = 1, double smoothing = 0.1) => new()
    {
        Model = model,
        Levels = 1,
        QualityLevels = 1,
        QualityLow = 1,
        QualityHigh = 1,
        Records = 1,
        CostPerRecord = HonestCost,
        QualityCost = 0,
        Cheating = true,
        CheatCostFraction = 0,
        Stake = 1_000,
        Slash = Slash,
        Inertia = 0.1,
        Lambda = lambda,
        Smoothing = smoothing,
    };

    /// <summary>Cheats over agents taking part, in the last <see cref="Tail"/> epochs.</summary>
    private static double CheatingRate(ProviderBehaviour section, double detection, long seed = 42)
    {
        var sim = new PopulationSimulation(section, Providers, Providers, seed, shardSize: 50, rewardPerUnit: Reward, detection: detection);
        sim.Run(Epochs);
        var tail = sim.Decisions.Skip(Epochs - Tail).ToList();
        return (double)tail.Sum(t => t.Cheats) / tail.Sum(t => t.Active);
    }

    [Fact]
    public void BestResponseCheatingFallsFromHighToNearZeroWithinOneGridStepOfTheThreshold()
    {
        var section = Cheaters(BehaviourModel.BestResponse);
        var rates = new List<string>();
        for (var k = 0; k <= 12; k++)
        {
            var d = k * Step;
            var rate = CheatingRate(section, d);
            rates.Add($"d={d:F2}: {rate:F3}");
            if (d <= Threshold - Step) Assert.True(rate >= 0.9, $"below the threshold cheating pays and is common: {string.Join("; ", rates)}");
            if (d >= Threshold + Step)
                Assert.True(rate <= 0.02, $"above the threshold cheating does not pay and is rare: {string.Join("; ", rates)}");
        }
    }

    [Fact]
    public void LogitLearnersCheatLessTheLikelierTheyAreCaught()
    {
        // Learning from realised profits (a caught cheat loses 20, an uncaught one gains 15), logit
        // agents cheat mostly when it pays well and rarely when it costs well beyond the threshold.
        var section = Cheaters(BehaviourModel.Logit, lambda: 1, smoothing: 0.02);
        var low = CheatingRate(section, 0.05);
        var high = CheatingRate(section, 0.55);
        Assert.True(low >= 0.8, $"at d = 0.05 cheating pays (+{Reward - 0.05 * (Slash + Reward) - (Reward - HonestCost):F2} tokens): rate {low:F3}");
        Assert.True(high <= 0.1, $"at d = 0.55 it costs {0.55 * (Slash + Reward) - HonestCost:F2} tokens: rate {high:F3}");
    }
}
