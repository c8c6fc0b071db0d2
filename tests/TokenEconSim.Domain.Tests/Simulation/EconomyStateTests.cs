using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>The checkpoint convention: the economy's run-level and per-shard state write and read back to the bit.</summary>
public class EconomyStateTests
{
    private static Scenario Economy() => new()
    {
        Run = new RunSection { Seed = 3, Epochs = 8, AgentsPerGrain = new ShardSize(10) },
        Populations = new SmallScenario().Build().Populations,
        Governance = new GovernanceSection { Enabled = true, Adaptive = true, AdaptiveInterval = 2, Timelock = 3 },
        Market = new MarketSection { Enabled = true },
        Marketplace = new MarketplaceSection { Enabled = true, PublishProbability = 0.5, PurchaseProbability = 0.5 },
    };

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream)) write(w);
        return stream.ToArray();
    }

    [Fact]
    public async Task TheRunLevelEconomyRoundTripsAndContinuesIdentically()
    {
        var run = new DirectRun(Economy());
        await run.AdvanceAsync(5);
        var saved = run.Loop.Economy!;
        var bytes = Bytes(saved.WriteState);

        var restored = EpochEconomy.Create(run.Model)!;
        restored.ReadState(new BinaryReader(new MemoryStream(bytes)));
        Assert.Equal(bytes, Bytes(restored.WriteState));
        Assert.Equal(saved.Held, restored.Held);
        Assert.Equal(saved.TokenPrice, restored.TokenPrice);

        // Both go on alike: the same trades give the same metrics and the same state.
        var trades = new EconomyReport([60], [30], [200_000_000], 1, [31], [300_000_000], [30, 85], [50_000_000, 70_000_000], [60, 61],
            [10_000_000, 20_000_000]);
        Assert.Equal(saved.NextOrder(9), restored.NextOrder(9), EconomyOrderEquality.Instance);
        var a = saved.Settle(null, trades, 9);
        var b = restored.Settle(null, trades, 9);
        Assert.Equal(a with { Sales = [] }, b with { Sales = [] });
        Assert.Equal(a.Sales, b.Sales);
        Assert.Equal(Bytes(saved.WriteState), Bytes(restored.WriteState));
    }

    [Fact]
    public async Task AShardsMarketplaceStreamsRoundTrip()
    {
        var run = new DirectRun(Economy());
        await run.AdvanceAsync(4);
        var shard = run.Gateway.Shards.First(s => s.MarketplaceState is not null);
        var bytes = Bytes(shard.MarketplaceState!.WriteState);
        var copy = TokenEconSim.Domain.Agents.MarketplaceStreams.ReadState(new BinaryReader(new MemoryStream(bytes)));
        Assert.Equal(bytes, Bytes(copy.WriteState));
    }

    private sealed class EconomyOrderEquality : IEqualityComparer<EconomyOrder>
    {
        public static readonly EconomyOrderEquality Instance = new();
        public bool Equals(EconomyOrder? x, EconomyOrder? y) =>
            x!.Epoch == y!.Epoch && x.TokenPrice == y.TokenPrice && x.Deliveries.SequenceEqual(y.Deliveries)
            && x.MinerSells.SequenceEqual(y.MinerSells) && x.ListingCreators.SequenceEqual(y.ListingCreators)
                && x.ListingPrices.SequenceEqual(y.ListingPrices);
        public int GetHashCode(EconomyOrder o) => o.Epoch;
    }
}
