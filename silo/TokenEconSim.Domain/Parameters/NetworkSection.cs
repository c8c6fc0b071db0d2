namespace TokenEconSim.Domain.Parameters;

/// <summary>
/// network.topology: how proof-of-work blocks travel between the miners (docs/model.md §19). <c>none</c>: every block reaches every
/// miner at once (the linear chain, no forks); <c>uniform</c>: every node receives a block <c>latency</c> seconds after its release;
/// <c>random</c>: a random graph of degree <c>degree</c> whose links have <c>latency</c> and <c>bandwidth</c>; <c>regions</c>: the same
/// graph over SimBlock's six regions with their measured latencies and bandwidths.
/// </summary>
public enum NetworkTopologyKind { None, Uniform, Random, Regions }

/// <summary>network.attacker.strategy: what the attacking pool does (honest miners follow the protocol).</summary>
public enum AttackStrategy { None, Selfish, DoubleSpend }

/// <summary>
/// The peer-to-peer network under proof of work (docs/model.md §19.6): off by default, and a scenario without it runs exactly as
/// before. With it, an epoch's blocks come from the discrete-event network simulation, forks happen, and a block's reward is paid
/// once it is <see cref="Confirmations"/> deep on the main chain.
/// </summary>
public sealed class NetworkSection
{
    public NetworkTopologyKind Topology { get; init; } = NetworkTopologyKind.None;
    /// <summary>Relay nodes beyond the miners (each miner is a node of its own).</summary>
    [Range(0, 1_000_000)] public int RelayNodes { get; init; }
    /// <summary>random, regions: peers per node.</summary>
    [Range(1, 10_000)] public int Degree { get; init; } = 8;
    /// <summary>uniform: delay from release to every node; random: one-way latency of every link (seconds).</summary>
    [Range(0, 1e6)] public double Latency { get; init; } = 0.1;
    /// <summary>random: bandwidth of every link (bits per second).</summary>
    [Range(0, 1e15, MinExclusive = true)] public double Bandwidth { get; init; } = 20_000_000;
    /// <summary>random, regions: bytes per block (transfer time 8·size/bandwidth per hop).</summary>
    [Range(0, 1e10)] public long BlockSizeBytes { get; init; } = 1_000_000;
    /// <summary>random, regions: milliseconds a relay spends validating a block before passing it on.</summary>
    [Range(0, 1e9)] public double ValidationMs { get; init; }
    /// <summary>Settlement depth: a main-chain block is paid once this many blocks are above it.</summary>
    [Range(0, 10_000)] public int Confirmations { get; init; } = 6;
    public AttackerSection Attacker { get; init; } = new();

    /// <summary>Whether blocks travel over the network (any topology but none).</summary>
    public bool Enabled => Topology != NetworkTopologyKind.None;

    /// <summary>Network nodes: one per miner agent, then the relays.</summary>
    public int NodeCount(int miners) => miners + RelayNodes;
}

/// <summary>
/// network.attacker: one pool, run by the first miner agent (the lowest id), that holds <see cref="Share"/> of the hashrate in every
/// epoch and follows <see cref="Strategy"/>; the other miners are honest.
/// </summary>
public sealed class AttackerSection
{
    public AttackStrategy Strategy { get; init; } = AttackStrategy.None;
    /// <summary>The pool's share α of the total hashrate (its operator's own draw is replaced).</summary>
    [Range(0, 1, MinExclusive = true)] public double Share { get; init; } = 0.25;
    /// <summary>Eyal and Sirer's γ: an honest miner switches to an equal-work block that arrives after its tip with this probability
    /// (0: first seen, Bitcoin Core's rule). Applies with every strategy.</summary>
    [Range(0, 1)] public double Gamma { get; init; }
    /// <summary>double_spend: blocks the merchant waits for (the payment's included), Rosenfeld's z.</summary>
    [Range(1, 10_000)] public int Confirmations { get; init; } = 6;
    /// <summary>double_spend: the attacker gives up once the public chain is this many blocks ahead of its branch.</summary>
    [Range(1, 100_000)] public int GiveUp { get; init; } = 40;
}
