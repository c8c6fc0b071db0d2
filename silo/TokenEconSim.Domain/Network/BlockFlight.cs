namespace TokenEconSim.Domain.Network;

/// <summary>
/// Which nodes hold one block, and the earliest arrival already scheduled at each (so a relay that would arrive
/// later than a pending one is not queued: Dijkstra's rule, which keeps a block's cost linear in edges). The arrays
/// are dropped once every node holds the block.
/// </summary>
internal sealed class BlockFlight(int nodes)
{
    public bool[]? Has { get; private set; } = new bool[nodes];
    public double[]? Eta { get; private set; } = Filled(nodes);
    public int Holders { get; private set; }
    public double Released { get; set; } = double.NaN;
    public double Reach50 { get; set; } = double.NaN;
    public double Reach90 { get; set; } = double.NaN;
    public bool IsReleased => !double.IsNaN(Released);

    public bool HeldBy(int node) => Has is null || Has[node];

    /// <summary>Marks the node as holding the block; true when every node now holds it.</summary>
    public bool Hold(int node)
    {
        Has![node] = true;
        Holders++;
        if (Holders < Has.Length) return false;
        (Has, Eta) = (null, null);
        return true;
    }

    private static double[] Filled(int nodes)
    {
        var eta = new double[nodes];
        Array.Fill(eta, double.PositiveInfinity);
        return eta;
    }
}
