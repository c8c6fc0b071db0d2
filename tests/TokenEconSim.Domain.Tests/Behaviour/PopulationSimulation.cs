using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>
/// One responding population driven through the behaviour API exactly as the shard and the epoch
/// loop will drive it: agents held in shards (consecutive position ranges, one <see cref="RoleBehaviour"/>
/// each), every agent's own xoshiro256** state loaded into one reusable generator, and the pipeline
/// of the epoch loop (step m settles epoch m−2, scores m−1, draws m), so the terms an epoch is
/// decided on come from the epoch scored two steps earlier (docs/model.md §7.4). Rewards are either
/// a pool split by contribution units (pool mode restricted to this population: its share s·P) or a
/// fixed reward per unit; a caught cheat scores 0.
/// </summary>
internal sealed class PopulationSimulation
{
    private readonly RoleBehaviourSection _section;
    private readonly ActionSet _actions;
    private readonly List<RoleBehaviour> _shards = [];
    private readonly int _maxCount;
    private readonly ulong[] _rngStates;
    private readonly Xoshiro256StarStar _rng = new(0);
    private readonly long[][] _payouts = new long[RoleBehaviour.PipelineDepth][];
    private readonly double[] _units;
    private readonly bool[] _caught;
    private readonly LookBack _lookBack;
    private double _rewardPerUnit = double.NaN;

    /// <param name="pool">Tokens per epoch split among the agents taking part by their units (the population's share s·P); 0 to pay <paramref
    /// name="rewardPerUnit"/> instead.</param>
    public PopulationSimulation(RoleBehaviourSection section, int initialCount, int maxCount, long seed, int shardSize,
        double pool = 0, double rewardPerUnit = 0, double detection = 0)
    {
        _section = section;
        _actions = ActionSet.For(section);
        _maxCount = maxCount;
        PoolTokens = pool;
        FixedRewardPerUnit = rewardPerUnit;
        Detection = detection;
        _rngStates = new ulong[maxCount * 4];
        for (var i = 0; i < maxCount; i++)
        {
            _rng.Reseed(Seeds.ForAgent(seed, i));
            _rng.Store(_rngStates, i);
        }
        for (var first = 0; first < maxCount; first += shardSize)
            _shards.Add(new RoleBehaviour(section, _actions, first, Math.Min(shardSize, maxCount - first), initialCount));
        for (var k = 0; k < _payouts.Length; k++) _payouts[k] = new long[maxCount];
        _units = new double[maxCount];
        _caught = new bool[maxCount];
        _lookBack = new LookBack(section.LookBack);
    }

    public double PoolTokens { get; }
    public double FixedRewardPerUnit { get; }
    public double Detection { get; }
    /// <summary>Per epoch drawn: the tally of its decisions.</summary>
    public List<BehaviourTally> Decisions { get; } = [];
    /// <summary>Per epoch settled: the tally of its outcomes.</summary>
    public List<BehaviourTally> Outcomes { get; } = [];
    public IReadOnlyList<RoleBehaviour> Shards => _shards;

    private int _step;

    /// <summary>Runs <paramref name="steps"/> more steps; step m settles epoch m−2 (from step 2 on) and draws epoch m.</summary>
    public void Run(int steps)
    {
        for (var k = 0; k < steps; k++, _step++)
        {
            if (_step >= 2) Settle(_step - 2);
            Draw(_step);
        }
    }

    /// <summary>Epochs drawn so far (the last two are paid but not yet settled).</summary>
    public int Drawn => _step;

    /// <summary>What the agent at <paramref name="position"/> was paid for <paramref name="epoch"/> (one of the last three drawn).</summary>
    public long Paid(int epoch, int position) => _payouts[epoch % RoleBehaviour.PipelineDepth][position];

    /// <summary>Settles the two epochs paid but not yet settled, as the next two steps would.</summary>
    public void SettleTail()
    {
        Settle(_step - 2);
        Settle(_step - 1);
    }

    /// <summary>Replaces every shard's behaviour by a fresh one that read the old one's checkpoint (a restart).</summary>
    public void RestoreShardsFromCheckpoint(int initialCount)
    {
        for (var k = 0; k < _shards.Count; k++)
        {
            var old = _shards[k];
            using var buffer = new MemoryStream();
            using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) old.WriteState(w);
            buffer.Position = 0;
            var first = _shards.Take(k).Sum(s => s.Count);
            var restored = new RoleBehaviour(_section, _actions, first, old.Count, initialCount);
            using (var r = new BinaryReader(buffer)) restored.ReadState(r);
            _shards[k] = restored;
        }
    }

    private void Settle(int epoch)
    {
        var tally = new BehaviourTally();
        var payouts = _payouts[epoch % RoleBehaviour.PipelineDepth];
        var offset = 0;
        foreach (var shard in _shards)
        {
            for (var i = 0; i < shard.Count; i++) tally.Add(shard.Settle(i, epoch, payouts[offset + i]));
            offset += shard.Count;
        }
        Outcomes.Add(tally);
    }

    private void Draw(int epoch)
    {
        var terms = new EpochTerms(_rewardPerUnit, 1, Detection, 0, _lookBack.Sum);
        var tally = new BehaviourTally();
        var offset = 0;
        foreach (var shard in _shards)
        {
            for (var i = 0; i < shard.Count; i++)
            {
                _rng.Load(_rngStates, offset + i);
                var d = shard.Decide(i, epoch, _rng, terms, 1, long.MaxValue);
                _rng.Store(_rngStates, offset + i);
                _units[offset + i] = _actions.Units(d.Action);
                _caught[offset + i] = d.Caught;
                tally.Add(d, _actions.Effort(d.Action));
            }
            offset += shard.Count;
        }
        Decisions.Add(tally);
        Score(epoch);
    }

    /// <summary>
    /// Pays the epoch (settled two steps later) and, as the loop does at the barrier, turns what it
    /// paid into the terms of the epoch after next: r̂ = paid / units paid for (caught cheats excluded), and the look-back.
    /// </summary>
    private void Score(int epoch)
    {
        var payouts = _payouts[epoch % RoleBehaviour.PipelineDepth];
        Int128 total = 0;
        double accepted = 0;
        for (var i = 0; i < _maxCount; i++)
        {
            if (_caught[i]) continue;
            accepted += _units[i];
            total += ExactSum.Quantize(_units[i]);
        }
        var pool = TokenUnits.FromTokens(PoolTokens);
        long paid = 0;
        for (var i = 0; i < _maxCount; i++)
        {
            var score = _caught[i] ? 0 : ExactSum.Quantize(_units[i]);
            payouts[i] = PoolTokens > 0
                ? PoolSplit.Share(pool, score, total)
                : TokenUnits.FromTokens(FixedRewardPerUnit * (double)score / 4294967296.0);
            paid += payouts[i];
        }
        _pendingTerms.Enqueue(EpochTerms.ObservedRewardPerUnit(TokenUnits.ToTokens(paid), accepted, _rewardPerUnit));
        // What epoch e paid is known at the barrier after it is scored, i.e. for the draw of e + 2.
        if (_pendingTerms.Count > 1) Observe(_pendingTerms.Dequeue());
    }

    private readonly Queue<double> _pendingTerms = new();

    private void Observe(double rewardPerUnit)
    {
        _rewardPerUnit = rewardPerUnit;
        _lookBack.Push(_actions.BestExpectedProfit(new EpochTerms(rewardPerUnit, 1, Detection)));
    }

    /// <summary>Agents taking part per epoch drawn.</summary>
    public IEnumerable<int> Active => Decisions.Select(t => t.Active);

    /// <summary>Every agent's behaviour state and generator, in position order (independent of the sharding).</summary>
    public string AgentsDigest()
    {
        var sb = new System.Text.StringBuilder();
        var offset = 0;
        foreach (var shard in _shards)
        {
            for (var i = 0; i < shard.Count; i++)
            {
                sb.Append(System.FormattableString.Invariant(
                    $"{offset + i}:{shard.IsPresent(i)},{shard.Bond(i)},{shard.EpochsActive(i)},{shard.CheatedEpochs(i)},"));
                sb.Append(System.FormattableString.Invariant($"{shard.RewardTotal(i)},{shard.CostTotal(i):R};"));
            }
            offset += shard.Count;
        }
        foreach (var s in _rngStates) sb.Append(s).Append(',');
        return sb.ToString();
    }
}
