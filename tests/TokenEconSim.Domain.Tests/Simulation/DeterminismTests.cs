using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

public class DeterminismTests
{
    // Exercise every random path: partial participation (the participation draws), Poisson block
    // times, some rejected epochs, fees with a balance cap in reach.
    private static SmallScenario Busy(int agentsPerGrain = 1, long seed = 7) => new()
    {
        Seed = seed, Epochs = 15, AgentsPerGrain = agentsPerGrain, Participation = 0.75,
        VoteValidProbability = 0.8, FeeBurnFraction = 0.3, HalvingInterval = 6,
    };

    [Fact]
    public async Task SameScenarioAndSeedGiveIdenticalMetrics()
    {
        var a = MetricsText.Csv(await DirectRun.RunAsync(Busy(agentsPerGrain: 5)));
        var b = MetricsText.Csv(await DirectRun.RunAsync(Busy(agentsPerGrain: 5)));
        Assert.Equal(a, b);
        Assert.Equal(15, a.Split('\n').Length);
    }

    // docs/model.md §7: agents_per_grain may change speed and memory, never a result.
    [Fact]
    public async Task AgentsPerGrainNeverChangesAResult()
    {
        var reference = MetricsText.Csv(await DirectRun.RunAsync(Busy(agentsPerGrain: 1)));
        foreach (var perGrain in new[] { 7, 100, 10_000 })
            Assert.Equal(reference, MetricsText.Csv(await DirectRun.RunAsync(Busy(agentsPerGrain: perGrain))));
    }

    // Yuma scoring (docs/model.md §3.6): the members' values gathered in id order, one Yuma epoch per role at the barrier.
    [Theory]
    [InlineData(RewardMode.Pool)]
    [InlineData(RewardMode.Shares)]
    public async Task AgentsPerGrainNeverChangesAYumaResult(RewardMode mode)
    {
        var yuma = new YumaSection
        {
            Bias = new(DistributionKind.Uniform, -0.2, 0.2), Noise = new(DistributionKind.Uniform, 0, 0.4),
        };
        SmallScenario Scenario(int perGrain) => Busy(perGrain) with { Mode = mode, Scoring = RewardScoring.Yuma, Yuma = yuma };
        var reference = MetricsText.Csv(await DirectRun.RunAsync(Scenario(1)));
        Assert.NotEqual(MetricsText.Csv(await DirectRun.RunAsync(Busy(1) with { Mode = mode })), reference);
        foreach (var perGrain in new[] { 7, 10_000 })
            Assert.Equal(reference, MetricsText.Csv(await DirectRun.RunAsync(Scenario(perGrain))));
    }

    [Theory]
    [InlineData(RewardMode.Pool, RewardScoring.Raw)]
    [InlineData(RewardMode.Absolute, RewardScoring.Raw)]
    [InlineData(RewardMode.Pool, RewardScoring.Yuma)]
    public async Task AgentsPerGrainNeverChangesAnAgentsBalance(RewardMode mode, RewardScoring scoring)
    {
        long[]? reference = null;
        foreach (var perGrain in new[] { 1, 13, 10_000 })
        {
            var run = new DirectRun((Busy(perGrain) with { Mode = mode, Scoring = scoring }).Build());
            await run.AdvanceAsync();
            var balances = run.Balances();
            reference ??= balances;
            Assert.Equal(reference, balances);
        }
    }

    // Advancing in steps (as the dashboard does, and as a restarted run would) gives the same rows.
    [Fact]
    public async Task AdvancingInStepsGivesTheSameRows()
    {
        var whole = MetricsText.Csv(await DirectRun.RunAsync(Busy()));
        var run = new DirectRun(Busy().Build());
        var rows = new List<EpochMetrics>();
        foreach (var step in new[] { 1, 4, 0, 3, 100 }) rows.AddRange(await run.AdvanceAsync(step));
        Assert.Equal(whole, MetricsText.Csv(rows));
        Assert.Empty(await run.AdvanceAsync());
    }

    [Fact]
    public async Task ADifferentSeedGivesDifferentNumbers()
    {
        var a = await DirectRun.RunAsync(Busy(seed: 7));
        var b = await DirectRun.RunAsync(Busy(seed: 8));
        Assert.NotEqual(MetricsText.Csv(a), MetricsText.Csv(b));
        // Not one stray column: the random quantities differ in (almost) every epoch.
        Assert.True(a.Zip(b).Count(p => p.First.ValueData != p.Second.ValueData) >= 14);
        Assert.True(a.Zip(b).Count(p => p.First.Calls != p.Second.Calls) >= 14);
        Assert.NotEqual(a[0].Hashrate, b[0].Hashrate);
    }
}
