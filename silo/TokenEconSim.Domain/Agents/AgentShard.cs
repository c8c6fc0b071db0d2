using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Agents;

/// <summary>
/// The agents with ids [First, First + Count): their balances, their own random streams and this
/// epoch's contributions, as parallel arrays (about 90 bytes per agent). The per-agent loops
/// allocate nothing: one generator object is loaded with each agent's saved state in turn.
/// Grains host a shard; the direct engine holds them in a list. Same code, same numbers.
/// </summary>
public sealed partial class AgentShard
{
    private readonly EconomyModel _model;
    private readonly Xoshiro256StarStar _rng = new(0);
    private readonly ulong[] _rngState;
    private readonly long[] _balance;
    private readonly double[] _weight;   // fixed per agent: a miner's hashrate, a validator's stake, a federated trainer's speed
    private readonly double[] _valueA;   // this epoch: V_D (provider), g (trainer), V_U (user)
    private readonly double[] _valueB;   // this epoch: the trainer's U(0,1) draw for Δacc; the user's number of calls
    private readonly bool[] _active;
    private readonly Int128[] _score;    // this epoch's R_i in 2⁻³² fixed point
    private readonly long[][] _sorted;    // the balances sorted at settlement, lent to the settle report; two, in turn
    private int _nextSorted;
    private readonly long[] _sortBuffer;  // scratch for sorting them

    public AgentShard(EconomyModel model, int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if ((long)first + count > model.Layout.Total) throw new ArgumentOutOfRangeException(nameof(count), "shard extends past the population");
        _model = model;
        First = first;
        Count = count;
        _rngState = new ulong[count * 4];
        _balance = new long[count];
        _weight = new double[count];
        _valueA = new double[count];
        _valueB = new double[count];
        _active = new bool[count];
        _score = new Int128[count];
        _sorted = [new long[count], new long[count]];
        _sortBuffer = new long[count];
        InitialiseAgents();
    }

    public int First { get; }
    public int Count { get; }

    public long BalanceOf(int agentId) => _balance[agentId - First];

    public long TotalBalance()
    {
        long total = 0;
        foreach (var b in _balance) total += b;
        return total;
    }

    private void InitialiseAgents()
    {
        var pops = _model.Scenario.Populations;
        for (var i = 0; i < Count; i++)
        {
            _rng.Reseed(Seeds.ForAgent(_model.RunSeed, First + i));
            _rng.Store(_rngState, i);
            _balance[i] = _model.InitialBalanceUnits;
        }
        DrawFixed(Role.Validator, pops.Validators.Stake);
        DrawFixed(Role.Miner, pops.Miners.Hashrate);
        if (_model.Scenario.Learning.Kind == LearningKind.Federated) DrawFixed(Role.Trainer, _model.Scenario.Learning.TrainerSpeed);
    }

    private void DrawFixed(Role role, Distributions.Distribution distribution)
    {
        var (from, to) = _model.Layout.Segment(role, First, Count);
        for (var id = from; id < to; id++)
        {
            var i = id - First;
            _rng.Load(_rngState, i);
            _weight[i] = Math.Max(0, distribution.Sample(_rng));
            _rng.Store(_rngState, i);
        }
    }

    /// <summary>Runs the parts of one pipelined step in their fixed order (see <see cref="StepOrder"/>).</summary>
    public StepReport Step(StepOrder order)
    {
        var settled = order.Settle is { } s ? Settle(s) : null;
        long? fees = order.ChargeFeesEpoch is not null ? ChargeFees() : null;
        var score = order.Score is { } o ? Score(o) : null;
        var contribution = order.ContributeEpoch is { } e ? Contribute(e, order) : null;
        return new StepReport(settled, fees, score, contribution);
    }

    private SettleReport Settle(SettleOrder order)
    {
        var rewards = new long[Roles.Count];
        var pool = new long[Roles.Count];
        if (order.Accepted)
        {
            foreach (var role in (ReadOnlySpan<Role>)[Role.DataProvider, Role.Trainer, Role.ServiceUser])
            {
                var (from, to) = _model.Layout.Segment(role, First, Count);
                long paid = 0;
                for (var i = from - First; i < to - First; i++)
                {
                    var units = order.Mode == RewardMode.Pool
                        ? PoolSplit.Share(order.Pool, _score[i], order.ScoreTotal)
                        : PoolSplit.Absolute(_score[i], TokenUnits.PerToken);
                    _balance[i] += units;
                    paid += units;
                }
                rewards[(int)role] += paid;
                pool[(int)role] += paid;
            }
        }
        foreach (var credit in order.Credits)
        {
            var i = credit.AgentId - First;
            if ((uint)i >= (uint)Count) continue;
            _balance[i] += credit.Units;
            rewards[(int)_model.Layout.RoleOf(credit.AgentId)] += credit.Units;
        }
        long debited = 0;
        foreach (var debit in order.Debits)
        {
            var i = debit.AgentId - First;
            if ((uint)i >= (uint)Count) continue;
            var units = Math.Min(_balance[i], Math.Max(0, debit.Units));
            _balance[i] -= units;
            debited += units;
        }
        var economy = order.Economy is { } trades ? Trade(trades) : null;
        // Sorted into buffers reused in turn, not a fresh array: 8 bytes per agent-epoch less garbage
        // (see SettleReport for how long a lent buffer stays valid).
        var sorted = _sorted[_nextSorted];
        _nextSorted ^= 1;
        _balance.CopyTo(sorted, 0);
        RadixSort.Sort(sorted, _sortBuffer);
        return new SettleReport(sorted, rewards, pool) { Debited = debited, Economy = economy };
    }

    /// <summary>Each active user pays fee_per_call per call of the last contribution, capped at its balance.</summary>
    private long ChargeFees()
    {
        var (from, to) = _model.Layout.Segment(Role.ServiceUser, First, Count);
        long fees = 0;
        for (var i = from - First; i < to - First; i++)
        {
            if (!_active[i]) continue;
            var fee = Math.Min(_balance[i], SaturatingMultiply((long)_valueB[i], _model.FeePerCallUnits));
            _balance[i] -= fee;
            fees += fee;
        }
        return fees;
    }

    /// <summary>Every accepted epoch's R_i, stored for settlement and summed per role.</summary>
    private ScoreReport Score(ScoreOrder order)
    {
        var weights = order.Weights;
        var byRole = new Int128[Roles.Count];
        ExactSum training = default;
        var rewards = _model.Scenario.Rewards;
        var gain = _model.Scenario.Learning.Gain;
        foreach (var role in (ReadOnlySpan<Role>)[Role.DataProvider, Role.Trainer, Role.ServiceUser])
        {
            var (from, to) = _model.Layout.Segment(role, First, Count);
            Int128 sum = 0;
            for (var i = from - First; i < to - First; i++)
            {
                if (!_active[i]) { _score[i] = 0; continue; }
                var r = role switch
                {
                    Role.DataProvider => weights.Reward(_valueA[i], 0, 0),
                    Role.Trainer => weights.Reward(0, TrainerValue(i), 0),
                    _ => weights.Reward(0, 0, _valueA[i]),
                };
                if (role == Role.Trainer) training.Add(TrainerValue(i));
                _score[i] = ExactSum.Quantize(r);
                sum += _score[i];
            }
            byRole[(int)role] = sum;
        }
        return new ScoreReport(byRole, training.Raw);

        double TrainerValue(int i) => order.Learning is { } learned
            ? LearnedTrainerValue(learned, i)
            : ContributionValues.TrainingValue(_valueA[i],
                ContributionValues.SyntheticAccuracyGain(gain, order.MeanQuality, _valueB[i]), rewards.CGpu, rewards.CAcc);
    }

    private static long SaturatingMultiply(long a, long b) =>
        a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
