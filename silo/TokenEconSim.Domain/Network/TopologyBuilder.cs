using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Network;

/// <summary>
/// Builds peer-to-peer graphs from the topology's seeded stream. <see cref="Random"/>: a random graph in which
/// nearly every node has <c>degree</c> peers (the configuration model: <c>degree</c> stubs per node, shuffled
/// and paired; self-loops and repeated pairs are dropped, so a few nodes end with one or two peers fewer),
/// patched to be connected. <see cref="Regions"/>: the same graph over nodes placed in SimBlock's regions by
/// their share of Bitcoin nodes, with each link's latency drawn from a Pareto law around its regions' mean.
/// </summary>
public static class TopologyBuilder
{
    public static GraphTopology Random(int nodes, int degree, long seed, double latencySeconds, double bandwidthBitsPerSecond,
        double validationSeconds = 0)
    {
        var rng = new Xoshiro256StarStar(Seeds.ForShared(seed, 0, RngPurpose.NetworkTopology));
        var (offsets, peers) = Graph(nodes, degree, rng);
        var latency = new double[peers.Length];
        var bandwidth = new double[peers.Length];
        Array.Fill(latency, latencySeconds);
        Array.Fill(bandwidth, bandwidthBitsPerSecond);
        return new GraphTopology(offsets, peers, latency, bandwidth, validationSeconds);
    }

    public static GraphTopology Regions(int nodes, int degree, long seed, double validationSeconds = 0)
    {
        var rng = new Xoshiro256StarStar(Seeds.ForShared(seed, 0, RngPurpose.NetworkTopology));
        var region = new int[nodes];
        for (var i = 0; i < nodes; i++) region[i] = Pick(SimBlockRegions.NodeShare, rng.NextDouble());
        var (offsets, peers) = Graph(nodes, degree, rng);
        var latency = new double[peers.Length];
        var bandwidth = new double[peers.Length];
        for (var u = 0; u < nodes; u++)
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var (a, b) = (region[u], region[peers[e]]);
                latency[e] = Pareto(SimBlockRegions.LatencyMilliseconds[a, b] / 1000, SimBlockRegions.LatencyShape, rng.NextDouble());
                bandwidth[e] = Math.Min(SimBlockRegions.UploadBitsPerSecond[a], SimBlockRegions.DownloadBitsPerSecond[b]);
            }
        return new GraphTopology(offsets, peers, latency, bandwidth, validationSeconds, region);
    }

    /// <summary>A draw with the given mean from a Pareto law of shape α &gt; 1: x_m / U^(1/α), x_m = mean·(α − 1)/α.</summary>
    public static double Pareto(double mean, double shape, double uniform) =>
        mean * (shape - 1) / shape / Math.Pow(1 - uniform, 1 / shape);

    private static int Pick(double[] shares, double u)
    {
        var total = shares.Sum();
        var acc = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            acc += shares[i] / total;
            if (u < acc) return i;
        }
        return shares.Length - 1;
    }

    private static (int[] Offsets, int[] Peers) Graph(int nodes, int degree, Xoshiro256StarStar rng)
    {
        if (nodes < 2) throw new ArgumentOutOfRangeException(nameof(nodes), "at least two nodes");
        if (degree < 1 || degree >= nodes) throw new ArgumentOutOfRangeException(nameof(degree), $"degree {degree} must be in 1 … {nodes - 1}");
        var stubs = new int[nodes * degree];
        for (var i = 0; i < stubs.Length; i++) stubs[i] = i / degree;
        for (var i = stubs.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (stubs[i], stubs[j]) = (stubs[j], stubs[i]);
        }
        var adjacency = new List<int>[nodes];
        for (var i = 0; i < nodes; i++) adjacency[i] = new List<int>(degree);
        var seen = new HashSet<long>();
        for (var i = 0; i + 1 < stubs.Length; i += 2) Link(adjacency, seen, stubs[i], stubs[i + 1]);
        Connect(adjacency, seen);
        var offsets = new int[nodes + 1];
        for (var i = 0; i < nodes; i++) offsets[i + 1] = offsets[i] + adjacency[i].Count;
        var peers = new int[offsets[nodes]];
        for (var i = 0; i < nodes; i++)
        {
            adjacency[i].Sort();
            adjacency[i].CopyTo(peers, offsets[i]);
        }
        return (offsets, peers);
    }

    private static void Link(List<int>[] adjacency, HashSet<long> seen, int a, int b)
    {
        if (a == b || !seen.Add(Math.Min(a, b) * (long)adjacency.Length + Math.Max(a, b))) return;
        adjacency[a].Add(b);
        adjacency[b].Add(a);
    }

    /// <summary>Links the first node of every component not reached from node 0 to the last node reached, so every block can
    /// reach every node.</summary>
    private static void Connect(List<int>[] adjacency, HashSet<long> seen)
    {
        var component = new int[adjacency.Length];
        Array.Fill(component, -1);
        var previous = -1;
        for (var start = 0; start < adjacency.Length; start++)
        {
            if (component[start] >= 0) continue;
            if (previous >= 0) Link(adjacency, seen, previous, start);
            var queue = new Queue<int>();
            queue.Enqueue(start);
            component[start] = start;
            while (queue.Count > 0)
            {
                var u = queue.Dequeue();
                previous = u;
                foreach (var v in adjacency[u])
                    if (component[v] < 0) { component[v] = start; queue.Enqueue(v); }
            }
        }
    }
}
