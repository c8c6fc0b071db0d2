using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Network;

/// <summary>A miner: the node it sits on, its hashrate (hashes per second) and its strategy.</summary>
public sealed record MinerSpec(int Node, double Hashrate, MinerStrategy Strategy);

/// <summary>
/// One network run: topology, miners, the chain's difficulty algorithm and rules, block size, how many blocks are
/// mined, and the confirmation depth after which main-chain blocks are paid.
/// </summary>
public sealed record NetworkConfig
{
    public required INetworkTopology Topology { get; init; }
    public required IReadOnlyList<MinerSpec> Miners { get; init; }
    public required IDifficultyAlgorithm Difficulty { get; init; }

    /// <summary>Sampled proof: block times are drawn, not ground; every other check runs.</summary>
    public ChainRules Rules { get; init; } = ChainRules.Default with { Proof = ProofMode.Sampled };

    public long BlockBytes { get; init; } = 1_000_000;

    /// <summary>Mining stops after this many blocks have been found; blocks in flight still propagate.</summary>
    public int Blocks { get; init; } = 1000;

    /// <summary>Main-chain blocks at least this deep under the final tip are paid; shallower ones are not yet settled.</summary>
    public int ConfirmationDepth { get; init; } = 6;

    public long Seed { get; init; }
    public uint GenesisTime { get; init; }
    public long RewardUnits { get; init; } = 50;

    /// <summary>The total hashrate that finds one block per <paramref name="intervalSeconds"/> at <paramref name="bits"/>.</summary>
    public static double HashrateFor(double intervalSeconds, uint bits) => CompactTarget.ExpectedHashes(bits) / intervalSeconds;

    internal void Check()
    {
        var nodes = Topology.NodeCount;
        if (Miners.Count == 0) throw new ArgumentException("at least one miner");
        var used = new HashSet<int>();
        foreach (var m in Miners)
        {
            if (m.Node < 0 || m.Node >= nodes) throw new ArgumentException($"miner node {m.Node} is not in 0 … {nodes - 1}");
            if (!used.Add(m.Node)) throw new ArgumentException($"two miners on node {m.Node}");
            if (!(m.Hashrate >= 0) || double.IsInfinity(m.Hashrate)) throw new ArgumentException("hashrates are finite and ≥ 0");
        }
        if (Blocks < 1 || ConfirmationDepth < 0 || BlockBytes < 0) throw new ArgumentException("blocks ≥ 1, confirmation depth ≥ 0, size ≥ 0");
    }
}
