using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class TopologyTests
{
    [Fact]
    public void RandomGraphIsNearlyRegularConnectedAndSeeded()
    {
        var g = TopologyBuilder.Random(2000, 8, 4, 0.1, 20e6);
        var degrees = Enumerable.Range(0, g.NodeCount).Select(g.Degree).ToArray();
        Assert.All(degrees, d => Assert.InRange(d, 5, 9));
        Assert.InRange(degrees.Average(), 7.9, 8.0);
        Assert.Equal(g.NodeCount, Reached(g));
        var again = TopologyBuilder.Random(2000, 8, 4, 0.1, 20e6);
        Assert.Equal(g.Peers(17), again.Peers(17));
        Assert.NotEqual(g.Peers(17), TopologyBuilder.Random(2000, 8, 5, 0.1, 20e6).Peers(17));
    }

    [Fact]
    public void RegionsFollowBitcoinsNodeShares()
    {
        var g = TopologyBuilder.Regions(20_000, 8, 1);
        var europe = g.Regions!.Count(r => r == 1) / 20_000.0;
        Assert.InRange(europe, 0.4998 - 0.015, 0.4998 + 0.015);
    }

    // The mean of the Pareto draw is the region's latency: x_m·α/(α − 1) with x_m = mean·(α − 1)/α.
    [Fact]
    public void ParetoLatencyHasTheRegionMean()
    {
        var rng = new Domain.Randomness.Xoshiro256StarStar(3);
        var mean = Enumerable.Range(0, 200_000).Average(_ => TopologyBuilder.Pareto(0.124, 5, rng.NextDouble()));
        Assert.InRange(mean, 0.124 * 0.99, 0.124 * 1.01);
    }

    // On a path 0 – 1 – 2 – 3 every hop costs latency + 8·size/bandwidth, and each relay adds its validation time:
    // node k holds a block made at node 0 after k(L + 8S/B) + (k − 1)V. Half of four nodes is node 1, nine tenths node 3.
    [Fact]
    public void HopDelayIsLatencyPlusSizeOverBandwidthPlusValidation()
    {
        const double L = 0.05, B = 8e6, V = 0.2;
        const long S = 1_000_000;
        var path = new GraphTopology([0, 1, 3, 5, 6], [1, 0, 2, 1, 3, 2], Enumerable.Repeat(L, 6).ToArray(), Enumerable.Repeat(B, 6).ToArray(), V);
        var config = NetworkKit.Config(path, [(1.0, new HonestMiner())], 1, blockBytes: S);
        var o = new NetworkSimulation(config).Run();
        var hop = L + 8.0 * S / B;
        Assert.Equal(hop, o.MeanReach50, 9);
        Assert.Equal(3 * hop + 2 * V, o.MeanReach90, 9);
    }

    private static int Reached(GraphTopology g)
    {
        var seen = new bool[g.NodeCount];
        var queue = new Queue<int>([0]);
        seen[0] = true;
        var count = 1;
        while (queue.Count > 0)
            foreach (var v in g.Peers(queue.Dequeue()))
                if (!seen[v]) { seen[v] = true; count++; queue.Enqueue(v); }
        return count;
    }
}
