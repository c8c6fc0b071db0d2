using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Market;

namespace TokenEconSim.Domain.Tests.Market;

public class MinerSwitchTests
{
    // One miner (id 10) with hashrate 2 and cost const(100) per unit: it pays 200 per epoch and,
    // alone, earns R·p. Hysteresis 0.1: off below 0.9 of break-even, on again above 1.1.
    private static MinerSwitch OneMiner() => new(new Distribution(DistributionKind.Const, 100), 0.1, runSeed: 1, firstMiner: 10, miners: 1);

    [Fact]
    public void AMinerStopsBelowAndRestartsAboveTheHysteresisBand()
    {
        var m = OneMiner();
        m.Running([10], [2.0]);
        m.Update(blockTokens: 200, price: 0.95); // revenue 190 / cost 200 = 0.95: inside the band, keeps running
        Assert.Equal(0, m.Off);
        m.Update(200, 0.85);                     // 0.85 < 0.9: stops
        Assert.Equal(1, m.Off);
        Assert.Empty(m.Running([10], [2.0]).Ids); // a stopped miner mines nothing
        Assert.Empty(m.Sells(0.85));             // and pays nothing
        m.Update(200, 1.05);                     // 1.05: inside the band, stays off
        Assert.Equal(1, m.Off);
        m.Update(200, 1.15);                     // 1.15 > 1.1: restarts
        Assert.Equal(0, m.Off);
        Assert.Equal([10], m.Running([10], [2.0]).Ids);
    }

    [Fact]
    public void ARunningMinerSellsItsElectricityBillInTokens()
    {
        var m = OneMiner();
        m.Running([10], [2.0]);
        var sell = Assert.Single(m.Sells(price: 0.5));
        Assert.Equal(10, sell.AgentId);
        Assert.Equal(400 * 100_000_000L, sell.Units); // 2 · 100 stable / 0.5 stable per token = 400 tokens
    }

    [Fact]
    public void StateRoundTripsExactly()
    {
        var m = new MinerSwitch(new Distribution(DistributionKind.Uniform, 10, 300), 0.2, runSeed: 5, firstMiner: 3, miners: 4);
        m.Running([3, 4, 5, 6], [1.0, 2.0, 0.5, 3.0]);
        m.Update(400, 0.7);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) m.WriteState(w);
        var copy = new MinerSwitch(new Distribution(DistributionKind.Const, 1), 0.2, runSeed: 99, firstMiner: 3, miners: 4);
        stream.Position = 0;
        copy.ReadState(new BinaryReader(stream));
        Assert.Equal(m.Off, copy.Off);
        Assert.Equal(m.Sells(0.7), copy.Sells(0.7));
        m.Update(400, 0.3);
        copy.Update(400, 0.3);
        Assert.Equal(m.Sells(0.3), copy.Sells(0.3));
    }
}
