namespace TokenEconSim.Domain.Network;

/// <summary>
/// A peer-to-peer graph whose nodes relay every block they accept to all their peers. The delay of one hop
/// u → v for a block of S bytes is latency(u, v) + 8·S / bandwidth(u, v) + the validation time, the model of
/// SimBlock (Aoki et al., "SimBlock: A Blockchain Network Simulator", IEEE INFOCOM Workshops 2019), where a
/// link's bandwidth is the smaller of the sender's upload and the receiver's download. Sends from one node
/// to several peers do not queue behind each other (no upload contention). Edges are stored in compressed
/// rows (CSR), so relaying a block costs one pass over its sender's edges.
/// </summary>
public sealed class GraphTopology : INetworkTopology
{
    private readonly int[] _offsets;
    private readonly int[] _peers;
    private readonly double[] _latency;
    private readonly double[] _bandwidth;

    /// <param name="offsets">Node u's edges are positions offsets[u] … offsets[u + 1] − 1.</param>
    /// <param name="peers">The peer of each directed edge.</param>
    /// <param name="latencySeconds">One-way latency of each directed edge.</param>
    /// <param name="bandwidthBitsPerSecond">Bandwidth of each directed edge.</param>
    /// <param name="validationSeconds">Time a node spends checking a block before relaying it.</param>
    public GraphTopology(int[] offsets, int[] peers, double[] latencySeconds, double[] bandwidthBitsPerSecond, double validationSeconds,
        int[]? regions = null)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(peers);
        if (offsets.Length < 2 || offsets[^1] != peers.Length || latencySeconds.Length != peers.Length
            || bandwidthBitsPerSecond.Length != peers.Length)
            throw new ArgumentException("one peer, latency and bandwidth per edge; offsets end at the edge count");
        if (!(validationSeconds >= 0)) throw new ArgumentOutOfRangeException(nameof(validationSeconds));
        foreach (var l in latencySeconds) if (!(l >= 0)) throw new ArgumentOutOfRangeException(nameof(latencySeconds), "latency ≥ 0");
        foreach (var b in bandwidthBitsPerSecond)
            if (!(b > 0)) throw new ArgumentOutOfRangeException(nameof(bandwidthBitsPerSecond), "bandwidth > 0");
        (_offsets, _peers, _latency, _bandwidth) = (offsets, peers, latencySeconds, bandwidthBitsPerSecond);
        ValidationSeconds = validationSeconds;
        Regions = regions;
    }

    public int NodeCount => _offsets.Length - 1;
    public int EdgeCount => _peers.Length;
    public double ValidationSeconds { get; }

    /// <summary>Each node's region, when the graph was built from regions.</summary>
    public IReadOnlyList<int>? Regions { get; }

    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    public IEnumerable<int> Peers(int node)
    {
        for (var e = _offsets[node]; e < _offsets[node + 1]; e++) yield return _peers[e];
    }

    public void Send(int node, bool origin, long blockBytes, IDeliverySink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        // The maker validated its own block while assembling it; a relay validates before passing it on.
        var check = origin ? 0 : ValidationSeconds;
        var bits = 8.0 * blockBytes;
        for (var e = _offsets[node]; e < _offsets[node + 1]; e++)
            sink.Deliver(_peers[e], check + _latency[e] + bits / _bandwidth[e]);
    }
}
