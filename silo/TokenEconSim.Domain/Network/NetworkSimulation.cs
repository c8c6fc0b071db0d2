using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Network;

/// <summary>
/// A discrete-event run of proof-of-work miners on a peer-to-peer network. Events (a block arriving at a node, a
/// miner finding a block) are ordered by (simulated time, node id, insertion order), so a run is a pure function of
/// its configuration and seed. Each miner finds blocks as a Poisson process of rate hashrate / E, E = 2²⁵⁶/(target+1)
/// the expected hashes at the nBits its branch requires, drawn from its own stream (run seed, miner, NetworkMining).
/// Blocks carry real headers and are validated by the <see cref="BlockTree"/> against the branch they extend; a node
/// accepts a block once it holds the parent (an early child waits for it) and relays it to its peers.
/// Written here rather than taken from SimBlock or BlockSim (Java and Python programs, not libraries): the events must
/// carry this chain's real headers and difficulty rules and draw from the run's seeded streams.
/// </summary>
public sealed class NetworkSimulation : IDeliverySink
{
    private const int ArriveKind = 0, MineKind = 1;
    private readonly NetworkConfig _config;
    private readonly BlockTree _tree;
    private readonly PriorityQueue<Event, EventKey> _queue = new();
    private readonly List<BlockFlight> _flights = [];
    private readonly Miner[] _miners;
    private readonly int[] _minerAt;
    private readonly Dictionary<(int Node, int Parent), List<int>> _waiting = [];
    private readonly double _reach50, _reach90;
    private long _sequence;
    private int _orphanArrivals;
    private int _found;
    private double _now;
    private int _sendingBlock;
    private (int Tip, uint Time) _expectedFor = (-1, 0);
    private double _expectedHashes;
    private bool _started;
    private readonly List<double> _foundAt = [0];

    public NetworkSimulation(NetworkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Check();
        _config = config;
        var genesis = Genesis.Create(config.Seed, config.Difficulty.InitialBits, config.GenesisTime);
        _tree = new BlockTree(genesis, config.Difficulty, config.Rules);
        var nodes = config.Topology.NodeCount;
        _reach50 = Math.Ceiling(0.5 * nodes);
        _reach90 = Math.Ceiling(0.9 * nodes);
        _flights.Add(new BlockFlight(nodes));
        for (var n = 0; n < nodes; n++) _flights[0].Hold(n);
        _minerAt = new int[nodes];
        Array.Fill(_minerAt, -1);
        _miners = new Miner[config.Miners.Count];
        for (var i = 0; i < _miners.Length; i++)
        {
            var spec = config.Miners[i];
            _miners[i] = new Miner(this, i, spec, new Xoshiro256StarStar(Seeds.ForAgent(config.Seed, i, RngPurpose.NetworkMining)),
                new Xoshiro256StarStar(Seeds.ForAgent(config.Seed, i, RngPurpose.NetworkStrategy)));
            _minerAt[spec.Node] = i;
        }
    }

    public BlockTree Tree => _tree;

    /// <summary>The simulated clock (seconds).</summary>
    public double Now => _now;

    /// <summary>Runs to the configured block count and measures; once per simulation.</summary>
    public NetworkOutcome Run()
    {
        Start(0);
        while (_queue.TryDequeue(out var e, out var key)) Handle(e, key);
        return NetworkOutcome.Measure(_tree, _config, _flights, _miners.Select(m => m.Spec.Strategy).ToArray(), _now) with
        {
            OrphanArrivals = _orphanArrivals,
        };
    }

    /// <summary>Attaches the strategies and draws every miner's first find from <paramref name="now"/>; once per simulation.</summary>
    public void Start(double now)
    {
        if (_started) throw new InvalidOperationException("a network simulation runs once");
        _started = true;
        _now = now;
        foreach (var m in _miners)
        {
            m.Spec.Strategy.Attach(m, _tree.Genesis);
            Schedule(m);
        }
    }

    /// <summary>
    /// Handles every event before <paramref name="until"/> and sets the clock there (a scenario run advances the network one epoch
    /// at a time: what happened is then the same as in one long run, since events are ordered by time alone).
    /// </summary>
    public void RunUntil(double until)
    {
        if (!_started) throw new InvalidOperationException("start the simulation first");
        while (_queue.TryPeek(out _, out var next) && next.Time < until)
        {
            _queue.TryDequeue(out var e, out var key);
            Handle(e, key);
        }
        _now = Math.Max(_now, until);
    }

    /// <summary>
    /// Sets the miners' hashrates from now on (hashes per second, in miner order): a miner whose rate changed draws its next find
    /// again, which is exact because finds are memoryless.
    /// </summary>
    public void SetHashrates(IReadOnlyList<double> hashrates)
    {
        ArgumentNullException.ThrowIfNull(hashrates);
        if (hashrates.Count != _miners.Length) throw new ArgumentException($"{_miners.Length} hashrates expected", nameof(hashrates));
        for (var i = 0; i < _miners.Length; i++)
        {
            var h = hashrates[i];
            if (!(h >= 0) || double.IsInfinity(h)) throw new ArgumentOutOfRangeException(nameof(hashrates), "hashrates are finite and ≥ 0");
            if (h == _miners[i].Hashrate) continue;
            _miners[i].Hashrate = h;
            if (_started) Schedule(_miners[i]);
        }
    }

    /// <summary>When block <paramref name="index"/> (tree order) was found, in simulated seconds; 0 for genesis.</summary>
    public double FoundAt(int index) => _foundAt[index];

    /// <summary>Seconds from the block's release until half and nine tenths of the nodes held it (NaN: not yet, or never released).</summary>
    public (double Reach50, double Reach90) Reach(int index) => (_flights[index].Reach50, _flights[index].Reach90);

    /// <summary>The miners' strategies, in miner order.</summary>
    public IReadOnlyList<MinerStrategy> Strategies => [.. _miners.Select(m => m.Spec.Strategy)];

    private void Handle(Event e, EventKey key)
    {
        _now = key.Time;
        if (e.Kind == MineKind) Mine(_miners[_minerAt[key.Node]], e.Version);
        else Arrive(key.Node, e.Block);
    }

    void IDeliverySink.Deliver(int peer, double delaySeconds)
    {
        var flight = _flights[_sendingBlock];
        if (flight.HeldBy(peer)) return;
        var at = _now + delaySeconds;
        if (at >= flight.Eta![peer]) return;
        flight.Eta[peer] = at;
        _queue.Enqueue(new Event(ArriveKind, _sendingBlock, 0), new EventKey(at, peer, _sequence++));
    }

    private void Mine(Miner miner, int version)
    {
        if (version != miner.Version) return; // the miner changed tip since this find was drawn
        var parent = miner.Spec.Strategy.MiningTip;
        var block = Assemble(parent, miner.Id);
        var verdict = _tree.Add(block, block.Header.Time, out var added);
        if (!verdict.IsAccepted || added is null)
            throw new InvalidOperationException($"the block tree refused miner {miner.Id}'s block {block.Height}: {verdict.Reason}");
        _flights.Add(new BlockFlight(_config.Topology.NodeCount));
        _foundAt.Add(_now);
        Hold(miner.Spec.Node, added);
        _found++;
        miner.Spec.Strategy.OnMined(added);
        if (_found >= _config.Blocks) StopMining();
        else Schedule(miner);
    }

    private Block Assemble(TreeBlock parent, int minerId)
    {
        var clock = _config.GenesisTime + (long)Math.Floor(_now);
        var time = (uint)Math.Max(clock, BlockTree.MinimumChildTime(parent));
        var bits = _tree.RequiredBits(parent, time);
        // The nonce is the block's sequence number: sampled proof does not grind, and no two headers coincide.
        return Block.Assemble(parent.Height + 1, parent.Hash, time, bits, [ChainTransaction.Reward(minerId, _config.RewardUnits)], minerId,
            unchecked((uint)_found));
    }

    private void Arrive(int node, int blockIndex)
    {
        var flight = _flights[blockIndex];
        if (flight.HeldBy(node)) return;
        var block = _tree.Blocks[blockIndex];
        if (!_flights[block.Parent!.Index].HeldBy(node))
        {
            // The child outran its parent (a larger parent, a slower path): it waits, as an orphan does in a node.
            var key = (node, block.Parent.Index);
            if (!_waiting.TryGetValue(key, out var list)) _waiting[key] = list = [];
            list.Add(blockIndex);
            _orphanArrivals++;
            return;
        }
        Accept(node, block);
    }

    private void Accept(int node, TreeBlock block)
    {
        Hold(node, block);
        Send(node, block, origin: false);
        if (_minerAt[node] is var m and >= 0) _miners[m].Received(block);
        if (_waiting.Count > 0 && _waiting.Remove((node, block.Index), out var children))
            foreach (var child in children)
                if (!_flights[child].HeldBy(node)) Accept(node, _tree.Blocks[child]);
    }

    private void Hold(int node, TreeBlock block)
    {
        var flight = _flights[block.Index];
        flight.Hold(node);
        NoteReach(flight);
    }

    /// <summary>Time from release until half and nine tenths of the nodes hold the block.</summary>
    private void NoteReach(BlockFlight flight)
    {
        if (!flight.IsReleased) return;
        if (double.IsNaN(flight.Reach50) && flight.Holders >= _reach50) flight.Reach50 = _now - flight.Released;
        if (double.IsNaN(flight.Reach90) && flight.Holders >= _reach90) flight.Reach90 = _now - flight.Released;
    }

    private void Send(int node, TreeBlock block, bool origin)
    {
        _sendingBlock = block.Index;
        _config.Topology.Send(node, origin, _config.BlockBytes, this);
    }

    private void Release(Miner miner, TreeBlock block)
    {
        var flight = _flights[block.Index];
        if (flight.IsReleased) return;
        if (!_flights[block.Parent!.Index].IsReleased && block.Parent != _tree.Genesis)
            throw new InvalidOperationException($"miner {miner.Id} released block {block.Height} before its parent");
        flight.Released = _now;
        NoteReach(flight);
        Send(miner.Spec.Node, block, origin: true);
    }

    private void Schedule(Miner miner)
    {
        miner.Version++;
        miner.Tip = miner.Spec.Strategy.MiningTip;
        if (_found >= _config.Blocks || miner.Hashrate <= 0) return;
        var expected = ExpectedHashes(miner.Tip);
        var wait = -Math.Log(1 - miner.Draws.NextDouble()) * expected / miner.Hashrate;
        _queue.Enqueue(new Event(MineKind, -1, miner.Version), new EventKey(_now + wait, miner.Spec.Node, _sequence++));
    }

    /// <summary>E at the nBits a child of the tip would need now (a target that moves with the child's time is read at the draw).</summary>
    private double ExpectedHashes(TreeBlock tip)
    {
        var time = (uint)Math.Max(_config.GenesisTime + (long)Math.Floor(_now), BlockTree.MinimumChildTime(tip));
        if (_expectedFor != (tip.Index, time))
            (_expectedFor, _expectedHashes) = ((tip.Index, time), CompactTarget.ExpectedHashes(_tree.RequiredBits(tip, time)));
        return _expectedHashes;
    }

    private void StopMining()
    {
        foreach (var m in _miners) m.Version++;
    }

    private readonly record struct Event(int Kind, int Block, int Version);

    private readonly record struct EventKey(double Time, int Node, long Sequence) : IComparable<EventKey>
    {
        public int CompareTo(EventKey other)
        {
            var c = Time.CompareTo(other.Time);
            if (c != 0) return c;
            c = Node.CompareTo(other.Node);
            return c != 0 ? c : Sequence.CompareTo(other.Sequence);
        }
    }

    private sealed class Miner(NetworkSimulation sim, int id, MinerSpec spec, Xoshiro256StarStar draws, Xoshiro256StarStar strategyDraws)
        : IMinerContext
    {
        public int Id { get; } = id;
        public MinerSpec Spec { get; } = spec;
        public double Hashrate { get; set; } = spec.Hashrate;
        public Xoshiro256StarStar Draws { get; } = draws;
        public int Version { get; set; }
        public TreeBlock? Tip { get; set; }
        public int MinerId => Id;
        public Xoshiro256StarStar Random { get; } = strategyDraws;
        public double Now => sim._now;

        public void Publish(TreeBlock block) => sim.Release(this, block);

        public void Received(TreeBlock block)
        {
            Spec.Strategy.OnReceived(block);
            if (Spec.Strategy.MiningTip != Tip) sim.Schedule(this);
        }
    }
}
