namespace TokenEconSim.Domain.Network;

/// <summary>Receives the deliveries a node makes when it sends a block: (peer, seconds after sending).</summary>
public interface IDeliverySink
{
    void Deliver(int peer, double delaySeconds);
}

/// <summary>
/// How blocks travel between nodes. <see cref="Send"/> is called when a node has accepted a block
/// (origin: it made or released the block itself) and reports each peer the block reaches and
/// after how long. Delays depend only on the topology and the block size, never on the order of calls.
/// </summary>
public interface INetworkTopology
{
    int NodeCount { get; }

    void Send(int node, bool origin, long blockBytes, IDeliverySink sink);
}

/// <summary>
/// Every node receives a block exactly <see cref="DelaySeconds"/> after its maker releases it, with no relay:
/// the setting of the stale-rate formula 1 − e^(−d/T) (docs/model.md, the network section).
/// </summary>
public sealed class UniformDelayTopology : INetworkTopology
{
    public UniformDelayTopology(int nodeCount, double delaySeconds)
    {
        if (nodeCount < 1) throw new ArgumentOutOfRangeException(nameof(nodeCount), "at least one node");
        if (!(delaySeconds >= 0) || double.IsInfinity(delaySeconds)) throw new ArgumentOutOfRangeException(nameof(delaySeconds));
        (NodeCount, DelaySeconds) = (nodeCount, delaySeconds);
    }

    public int NodeCount { get; }
    public double DelaySeconds { get; }

    public void Send(int node, bool origin, long blockBytes, IDeliverySink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!origin) return;
        for (var peer = 0; peer < NodeCount; peer++)
            if (peer != node) sink.Deliver(peer, DelaySeconds);
    }
}
