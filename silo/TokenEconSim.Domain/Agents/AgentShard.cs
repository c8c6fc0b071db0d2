using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

/// <summary>
/// The agents with ids [First, First + Count): their balances, their own random streams and this
/// epoch's contributions, as parallel arrays (about 90 bytes per agent): the state every agent has
/// by shard-local index, each role's own state in a typed segment (<see cref="RoleSegment"/>). The per-agent loops
/// allocate nothing: one generator object is loaded with each agent's saved state in turn.
/// Grains host a shard; the direct engine holds them in a list. Same code, same numbers.
/// </summary>
public sealed partial class AgentShard
{
    private readonly RunModel _model;
    private readonly Xoshiro256StarStar _rng = new(0);

    // Every agent's state, by shard-local index.
    private readonly ulong[] _rngState;
    private readonly long[] _balance;
    private readonly bool[] _active;     // took part in the epoch last drawn
    private readonly Int128[] _score;    // this epoch's R_i in 2⁻³² fixed point (providers, trainers, users)

    // Each role's own state, by index within the role's segment (see RoleSegment).
    private readonly ProviderState _providers;
    private readonly TrainerState _trainers;
    private readonly UserState _users;
    private readonly ValidatorState _validators;
    private readonly MinerState _miners;

    private readonly long[][] _sorted;    // the balances sorted at settlement, lent to the settle report; two, in turn
    private int _nextSorted;
    private readonly long[] _sortBuffer;  // scratch for sorting them

    public AgentShard(RunModel model, int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if ((long)first + count > model.Layout.Total) throw new ArgumentOutOfRangeException(nameof(count), "shard extends past the population");
        _model = model;
        First = first;
        Count = count;
        _rngState = new ulong[count * 4];
        _balance = new long[count];
        _active = new bool[count];
        _score = new Int128[count];
        var layout = model.Layout;
        _providers = new ProviderState(layout, first, count);
        _trainers = new TrainerState(layout, first, count);
        _users = new UserState(layout, first, count);
        _validators = new ValidatorState(layout, first, count);
        _miners = new MinerState(layout, first, count);
        _sorted = [new long[count], new long[count]];
        _sortBuffer = new long[count];
        InitialiseAgents();
        InitialiseBehaviour();
    }

    public int First { get; }
    public int Count { get; }

    public long BalanceOf(int agentId) => _balance[agentId - First];

    /// <summary>Tokens the shard's agents hold: their balances plus what responding agents have bonded (docs/model.md §17.6).</summary>
    public long TotalBalance()
    {
        var total = _bondHeld;
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
        DrawFixed(_validators, pops.Validators.Stake, _validators.Stake);
        DrawFixed(_miners, pops.Miners.Hashrate, _miners.Hashrate);
        if (_model.Scenario.Learning.Kind == LearningKind.Federated) DrawFixed(_trainers, _model.Scenario.Learning.TrainerSpeed, _trainers.Speed);
    }

    /// <summary>A weight fixed for the run (a validator's stake, a miner's hashrate, a federated trainer's speed), drawn first from each agent's
    /// stream.</summary>
    private void DrawFixed(RoleSegment segment, Distributions.Distribution distribution, double[] into)
    {
        for (var i = segment.From; i < segment.To; i++)
        {
            _rng.Load(_rngState, i);
            into[i - segment.From] = Math.Max(0, distribution.Sample(_rng));
            _rng.Store(_rngState, i);
        }
    }

    /// <summary>Runs the parts of one pipelined step in their fixed order (see <see cref="StepOrder"/>).</summary>
    public StepReport Step(StepOrder order)
    {
        var settled = order.Settle is { } s ? Settle(s, Records(s.Epoch) ? Recorded(s.Epoch) : null) : null;
        var recording = order.Score is { } scored && Records(scored.Epoch) ? BeginRecording(scored.Epoch) : null;
        if (recording is not null) BeforeFees(recording, _balance);
        long? fees = order.ChargeFeesEpoch is not null ? ChargeFees() : null;
        if (recording is not null) AfterFees(recording, _balance);
        var score = order.Score is { } o ? Score(o, recording) : null;
        if (recording is not null) AfterScore(recording);
        var contribution = order.ContributeEpoch is { } e ? Contribute(e, order) : null;
        return new StepReport(settled, fees, score, contribution);
    }

    /// <param name="recording">The epoch's agent rows when outputs.agents records it, else null.</param>
    private SettleReport Settle(SettleOrder order, AgentRows? recording)
    {
        if (recording is not null) BeforePay(recording, _balance);
        var rewards = new long[Roles.Count];
        var pool = new long[Roles.Count];
        if (order.Accepted)
        {
            foreach (var segment in (ReadOnlySpan<RoleSegment>)[_providers, _trainers, _users])
            {
                var role = segment.Role;
                var member = MemberOffset(role);
                long paid = 0;
                for (var i = segment.From; i < segment.To; i++)
                {
                    var units = order.Payout(role, i + member, _score[i]);
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
        if (recording is not null) AfterPay(recording, _balance);
        long debited = 0;
        foreach (var debit in order.Debits)
        {
            var i = debit.AgentId - First;
            if ((uint)i >= (uint)Count) continue;
            var units = Math.Min(_balance[i], Math.Max(0, debit.Units));
            _balance[i] -= units;
            debited += units;
        }
        if (recording is not null) AfterDebits(recording, _balance);
        var economy = order.Economy is { } trades ? Trade(trades) : null;
        // Sorted into buffers reused in turn, not a fresh array: 8 bytes per agent-epoch less garbage
        // (see SettleReport for how long a lent buffer stays valid).
        var sorted = _sorted[_nextSorted];
        _nextSorted ^= 1;
        _balance.CopyTo(sorted, 0);
        RadixSort.Sort(sorted, _sortBuffer);
        var report = new SettleReport(sorted, rewards, pool) { Debited = debited, Economy = economy, Behaviour = SettleBehaviour(order) };
        if (recording is not null) AfterSettle(recording);
        return report;
    }

    /// <summary>What to add to a shard-local index of <paramref name="role"/>'s segment for the agent's index among the role's agents.</summary>
    private int MemberOffset(Role role) => First - _model.Layout.Start(role);

    /// <summary>Each active user pays fee_per_call per call of the last contribution, capped at its balance.</summary>
    private long ChargeFees()
    {
        var users = _users;
        long fees = 0;
        for (var i = users.From; i < users.To; i++)
        {
            if (!_active[i]) continue;
            var fee = Math.Min(_balance[i], SaturatingMultiply(users.Calls[i - users.From], _model.FeePerCallUnits));
            _balance[i] -= fee;
            fees += fee;
        }
        return fees;
    }

    /// <summary>Every accepted epoch's R_i (docs/model.md §3.1), stored for settlement and summed per role.</summary>
    private ScoreReport Score(ScoreOrder order, AgentRows? recording)
    {
        var byRole = new Int128[Roles.Count];
        var providers = new ProviderReward(_providers, order.Weights);
        byRole[(int)Role.DataProvider] = ScoreRole(_providers, ref providers) - UnscoreCaught(_providers);
        var trainers = new TrainerReward(this, order)
        {
            Values = recording?.Value,
            MemberValues = _model.Scenario.Rewards.Scoring == RewardScoring.Yuma ? new double[_trainers.Count] : null,
        };
        byRole[(int)Role.Trainer] = ScoreRole(_trainers, ref trainers) - UnscoreCaught(_trainers);
        var users = new UserReward(_users, order.Weights);
        byRole[(int)Role.ServiceUser] = ScoreRole(_users, ref users) - UnscoreCaught(_users);
        var yuma = trainers.MemberValues is { } trainerValues ? MemberValues(trainerValues) : null;
        return new ScoreReport(byRole, trainers.Training.Raw) { MemberValues = yuma };
    }

    private static long SaturatingMultiply(long a, long b) =>
        a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
