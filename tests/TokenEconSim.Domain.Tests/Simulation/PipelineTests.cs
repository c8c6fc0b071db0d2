using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

public class PipelineTests
{
    /// <summary>Records every order the loop sends, and passes it on.</summary>
    private sealed class RecordingGateway(IShardGateway inner) : IShardGateway
    {
        public List<StepOrder> Orders { get; } = [];

        public Task<long> InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

        public Task<IReadOnlyList<StepReport>> StepAsync(StepOrder order, CancellationToken ct)
        {
            Orders.Add(order);
            return inner.StepAsync(order, ct);
        }
    }

    // One fan-out per epoch is the point of the pipeline (per-agent grains pay a message per agent
    // per fan-out): E epochs take E + 2 steps, and step m works on epochs m−2, m−1 and m.
    [Fact]
    public async Task EachEpochCostsOneFanOutAndEachStepWorksOnThreeConsecutiveEpochs()
    {
        RecordingGateway? recorder = null;
        var run = new DirectRun(new SmallScenario { Epochs = 6, AgentsPerGrain = 10 }.Build(), g => recorder = new RecordingGateway(g));
        var rows = await run.AdvanceAsync();
        Assert.Equal(6, rows.Count);
        var orders = recorder!.Orders;
        Assert.Equal(8, orders.Count);
        for (var m = 0; m < orders.Count; m++)
        {
            Assert.Equal(m >= 2 ? m - 2 : null, orders[m].Settle?.Epoch);
            Assert.Equal(m is >= 1 and <= 6 ? m - 1 : null, orders[m].ChargeFeesEpoch);
            Assert.Equal(m < 6 ? m : null, orders[m].ContributeEpoch);
            if (orders[m].Score is { } score) Assert.Equal(m - 1, score.Epoch);
        }
    }

    // Stopping between any two steps and going on gives the rows of an uninterrupted run.
    [Fact]
    public async Task AdvancingOneEpochAtATimeGivesTheSameRowsAsOneCall()
    {
        var scenario = new SmallScenario { Epochs = 7, AgentsPerGrain = 4 }.Build();
        var whole = await new DirectRun(scenario).AdvanceAsync();
        var stepped = new DirectRun(scenario);
        var rows = new List<EpochMetrics>();
        for (var i = 0; i < 7; i++) rows.AddRange(await stepped.AdvanceAsync(1));
        Assert.Equal(MetricsText.Csv(whole), MetricsText.Csv(rows));
    }
}
