using TokenEconSim.Domain.Parameters;
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

public class ShardSizeTests
{
    [Theory]
    [InlineData(100, 2, 100)]          // one shard
    [InlineData(10_000, 2, 1_000)]     // ten shards of 1 000
    [InlineData(1_000_000, 2, 62_500)] // 16 shards: 8 per core
    [InlineData(1_000_000, 16, 7_813)] // 128 shards
    [InlineData(1, 4, 1)]
    public void AutoAimsAtThousandAgentShardsAndAtMostEightShardsPerCore(long agents, int cores, int expected) =>
        Assert.Equal(expected, ShardSize.Auto.Resolve(agents, cores));

    [Fact]
    public void AFixedSizeIsKeptAndParsed()
    {
        Assert.Equal(7, new ShardSize(7).Resolve(1_000_000, 2));
        Assert.True(ShardSize.TryParse("AUTO", out var auto, out _) && auto.IsAuto);
        Assert.True(ShardSize.TryParse("250", out var fixedSize, out _) && fixedSize.Fixed == 250);
        Assert.False(ShardSize.TryParse("0", out _, out var error));
        Assert.Equal("expected auto or an integer from 1 to 100000000, got '0'", error);
        Assert.False(ShardSize.TryParse("-3", out _, out _));
    }
}
