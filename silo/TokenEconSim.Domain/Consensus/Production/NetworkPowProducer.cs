using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Network;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>
/// Proof of work over the peer-to-peer network (network.topology, docs/model.md §19.6). One <see cref="NetworkSimulation"/> lives for
/// the whole run and is advanced through each epoch's simulated time: miner agent k is network miner k on node k (relays follow), its
/// hashrate the epoch's (0 while inactive), and network.attacker's pool is miner 0 holding a share α of the total. Blocks fork, difficulty
/// is read on each block's own branch (the <see cref="BlockTree"/>), and the main chain is the branch with the most work (the first seen
/// on ties). An epoch settles the heights that became network.confirmations deep in it: their main-chain blocks are its blocks and are
/// paid the block reward of the epoch they were found in; the other blocks there, and blocks found at heights settled before, are stale
/// and paid nothing. A pure function of (run seed, the inputs it was given), so checkpoints replay it like the linear chain.
/// </summary>
public sealed class NetworkPowProducer(ConsensusSection settings, NetworkSection network, int firstMiner, int miners) : IBlockProducer
{
    /// <summary>Sampled hashing counts 2³² hashes per second (<see cref="PowProducer"/>).</summary>
    private const double HashUnit = 4294967296.0;
    private readonly int _firstMiner = firstMiner;
    private NetworkSimulation? _sim;
    private readonly List<long> _rewardOf = [0];
    private readonly List<int> _epochOf = [0];
    private readonly List<List<int>> _atHeight = [[0]];
    private int _seen = 1;
    private TreeBlock? _best;
    private long _settled;
    private double _lastPaidTime;
    private long _attackerPaid, _paid;
    private int _attempts, _successes;

    private bool HasAttacker => network.Attacker.Strategy != AttackStrategy.None;

    public Task<ProductionResult> ProduceAsync(ConsensusInput input, long runSeed)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rates = Hashrates(input);
        var total = 0.0;
        foreach (var r in rates) total += r;
        if (_sim is null)
        {
            if (total <= 0) return Task.FromResult(new ProductionResult([], [], [], double.NaN, double.NaN));
            _sim = Create(rates, total, runSeed);
            _best = _sim.Tree.Genesis;
            _sim.Start(input.EpochStart);
        }
        else _sim.SetHashrates(rates);
        _sim.RunUntil(input.EpochEnd);
        return Task.FromResult(Settle(input, total > 0 && HasAttacker ? rates[0] / total : double.NaN));
    }

    /// <summary>Hashes per second per network miner; the pool's is α/(1 − α) times the others' total.</summary>
    private double[] Hashrates(ConsensusInput input)
    {
        var rates = new double[miners];
        for (var k = 0; k < input.MinerIds.Length; k++) rates[input.MinerIds[k] - _firstMiner] = input.Hashrates[k] * HashUnit;
        if (!HasAttacker) return rates;
        var others = 0.0;
        for (var i = 1; i < miners; i++) others += rates[i];
        var share = network.Attacker.Share;
        rates[0] = share / (1 - share) * others;
        return rates;
    }

    private NetworkSimulation Create(double[] rates, double total, long runSeed)
    {
        var nodes = network.NodeCount(miners);
        var validation = network.ValidationMs / 1000;
        INetworkTopology topology = network.Topology switch
        {
            NetworkTopologyKind.Uniform => new UniformDelayTopology(nodes, network.Latency),
            NetworkTopologyKind.Random => TopologyBuilder.Random(nodes, network.Degree, runSeed, network.Latency, network.Bandwidth, validation),
            _ => TopologyBuilder.Regions(nodes, network.Degree, runSeed, validation),
        };
        var specs = new MinerSpec[miners];
        for (var i = 0; i < miners; i++) specs[i] = new MinerSpec(i, rates[i], i == 0 && HasAttacker ? Attacker() : Honest());
        var bits = PowProducer.GenesisBits(settings, total);
        return new NetworkSimulation(new NetworkConfig
        {
            Topology = topology,
            Miners = specs,
            Difficulty = PowProducer.CreateDifficulty(settings, bits),
            Rules = PowProducer.ChainRulesFor(settings),
            BlockBytes = network.BlockSizeBytes,
            Blocks = int.MaxValue,
            ConfirmationDepth = network.Confirmations,
            Seed = runSeed,
        });
    }

    private MinerStrategy Honest() => network.Attacker.Gamma > 0
        ? new HonestMiner(TieRule.SwitchWithProbability, network.Attacker.Gamma)
        : new HonestMiner();

    private MinerStrategy Attacker() => network.Attacker.Strategy == AttackStrategy.Selfish
        ? new SelfishMiner()
        : new DoubleSpender(network.Attacker.Confirmations, network.Attacker.GiveUp);

    /// <summary>Takes in the epoch's new blocks, then settles the heights now deep enough.</summary>
    private ProductionResult Settle(ConsensusInput input, double attackerShare)
    {
        var tree = _sim!.Tree;
        var found = tree.Count - _seen;
        var late = new List<TreeBlock>();
        for (var i = _seen; i < tree.Count; i++)
        {
            var b = tree.Blocks[i];
            _rewardOf.Add(input.BlockRewardUnits);
            _epochOf.Add(input.Epoch);
            while (_atHeight.Count <= b.Height) _atHeight.Add([]);
            _atHeight[(int)b.Height].Add(i);
            if (b.HasMoreWorkThan(_best!)) _best = b;
            if (b.Height <= _settled) late.Add(b);
        }
        _seen = tree.Count;
        var best = _best!;
        var settled = Math.Max(_settled, best.Height - network.Confirmations);
        var tally = new Tally();
        late.Sort((a, b) => a.Height != b.Height ? a.Height.CompareTo(b.Height) : a.Index.CompareTo(b.Index));
        foreach (var b in late) tally.Add(this, b, best);
        for (var h = _settled + 1; h <= settled; h++)
            foreach (var i in _atHeight[(int)h]) tally.Add(this, tree.Blocks[i], best);
        _settled = settled;
        return Result(input, tally, found, attackerShare);
    }

    private ProductionResult Result(ConsensusInput input, Tally t, int found, double attackerShare)
    {
        var start = _lastPaidTime;
        if (t.Blocks.Count > 0) _lastPaidTime = t.Blocks[^1].Time;
        var span = t.Blocks.Count == 0 ? 0 : _lastPaidTime - start;
        var (attempts, successes) = DoubleSpends();
        var metrics = new NetworkMetrics
        {
            BlocksFound = found,
            StaleBlocks = t.Stale,
            StaleRate = t.Stale + t.Blocks.Count == 0 ? double.NaN : (double)t.Stale / (t.Stale + t.Blocks.Count),
            MaxForkDepth = t.MaxDepth,
            Reach50 = t.Reached50 == 0 ? double.NaN : t.Reach50Sum / t.Reached50,
            Reach90 = t.Reached90 == 0 ? double.NaN : t.Reach90Sum / t.Reached90,
            AttackerHashrateShare = attackerShare,
            AttackerRevenueShare = !HasAttacker || _paid == 0 ? double.NaN : (double)_attackerPaid / _paid,
            DoubleSpendAttempts = attempts,
            DoubleSpendSuccesses = successes,
        };
        var estimated = span > 0 ? t.ExpectedHashes / span / HashUnit : double.NaN;
        return new ProductionResult(t.Blocks, t.Records, t.Credits, CompactTarget.Difficulty(_best!.Bits), estimated) { Network = metrics };
    }

    /// <summary>The double-spender's attempts and successes since the last epoch.</summary>
    private (int Attempts, int Successes) DoubleSpends()
    {
        if (_sim!.Strategies[0] is not DoubleSpender d) return (0, 0);
        var delta = (d.Attempts - _attempts, d.Successes - _successes);
        (_attempts, _successes) = (d.Attempts, d.Successes);
        return delta;
    }

    /// <summary>What an epoch settled: its main-chain blocks (paid), its stale ones, and their records in height order.</summary>
    private sealed class Tally
    {
        public List<ProducedBlock> Blocks { get; } = [];
        public List<BlockRecord> Records { get; } = [];
        public List<AgentCredit> Credits { get; } = [];
        public int Stale { get; private set; }
        public int MaxDepth { get; private set; }
        public double ExpectedHashes { get; private set; }
        public double Reach50Sum { get; private set; }
        public double Reach90Sum { get; private set; }
        public int Reached50 { get; private set; }
        public int Reached90 { get; private set; }

        public void Add(NetworkPowProducer p, TreeBlock b, TreeBlock best)
        {
            var main = b.Height <= best.Height && best.Ancestor(b.Height) == b;
            var agent = p._firstMiner + b.Producer;
            var time = p._sim!.FoundAt(b.Index);
            var (r50, r90) = p._sim.Reach(b.Index);
            if (!double.IsNaN(r50)) { Reach50Sum += r50; Reached50++; }
            if (!double.IsNaN(r90)) { Reach90Sum += r90; Reached90++; }
            Records.Add(new BlockRecord(b.Height, p._epochOf[b.Index], time, agent, b.Bits, b.Hash.ToString())
            {
                Network = new NetworkBlock(b.Parent!.Hash.ToString(), main, r50, r90),
            });
            if (!main)
            {
                Stale++;
                MaxDepth = Math.Max(MaxDepth, ForkDepth(b, best));
                return;
            }
            Blocks.Add(new ProducedBlock(b.Height, time, agent));
            Credits.Add(new AgentCredit(agent, p._rewardOf[b.Index]));
            ExpectedHashes += CompactTarget.ExpectedHashes(b.Bits);
            p._paid++;
            if (b.Producer == 0 && p.HasAttacker) p._attackerPaid++;
        }

        /// <summary>A stale block's height above its last main-chain ancestor.</summary>
        private static int ForkDepth(TreeBlock b, TreeBlock best)
        {
            var a = b;
            while (a.Height > best.Height || best.Ancestor(a.Height) != a) a = a.Parent!;
            return (int)(b.Height - a.Height);
        }
    }
}
