using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Simulation.Checkpoints;

namespace TokenEconSim.Domain.Agents;

// The responding populations of AgentShard (docs/model.md §17): providers, trainers, users, validators and miners
// (AgentShard.Consensus.cs) whose behaviour model is not fixed decide each epoch from their RoleBehaviour instead of drawing from the
// populations.* distributions; their epoch is settled into it when it is paid; their bonds leave their
// balances. With every population fixed none of this runs: _behaviour stays null and each hook below
// is one null check per role per step, not per agent.
public sealed partial class AgentShard
{
    private RoleBehaviour?[]? _behaviour;   // per role (Role order): the population's behaviour state in this shard, null when fixed
    private bool[][]? _caught;              // per role, per agent of its segment: the epoch drawn last was a caught cheat (it scores 0)
    private long _bondHeld;                 // base units bonded by this shard's agents, plus slashes not yet burned
    private long[][]? _paid;                // per role, [agent of its segment · depth + epoch mod depth]: paid, not yet settled into the state
    private readonly List<int> _unsettled = []; // epochs paid whose outcomes are not yet settled into the state, oldest first

    /// <summary>Builds the behaviour state of each responding population and moves the present agents' bonds out of their balances.</summary>
    private void InitialiseBehaviour()
    {
        if (!_model.BehaviourOn) return;
        _behaviour = new RoleBehaviour?[Roles.Count];
        _caught = new bool[Roles.Count][];
        _paid = new long[Roles.Count][];
        foreach (var segment in Segments())
        {
            var r = (int)segment.Role;
            _caught[r] = new bool[segment.Count];
            _paid[r] = new long[segment.Count * RoleBehaviour.PipelineDepth];
            if (_model.BehaviourActions[r] is not { } actions || segment.Count == 0) continue;
            var b = _behaviour[r] = new RoleBehaviour(PopulationBehaviour.SectionOf(_model.Scenario.Behaviour, segment.Role), actions,
                First + segment.From - _model.Layout.Start(segment.Role), segment.Count, _model.InitialCount(segment.Role));
            for (var j = 0; j < segment.Count; j++)
            {
                _balance[segment.From + j] -= b.Bond(j);
                _bondHeld += b.Bond(j);
            }
        }
    }

    /// <summary>The behaviour state of <paramref name="role"/> in this shard, or null when the role is fixed (or absent from the shard).</summary>
    private RoleBehaviour? Responding(Role role) => _behaviour?[(int)role];

    /// <summary>What an agent of a responding role contributes once its decision has it take part: the action's amounts.</summary>
    private interface IActionDraw
    {
        /// <param name="i">The agent's shard-local index.</param>
        /// <param name="j">Its index in its role's state.</param>
        /// <param name="action">Its action (<see cref="ActionSet"/>), not idle.</param>
        void Draw(int i, int j, int action);
    }

    /// <summary>
    /// The decision loop of a responding role, in place of <see cref="Participate{TDraw}"/>: each agent's generator is loaded, its
    /// <see cref="RoleBehaviour.Decide"/> picks the action, its bond moves, and the action's contribution is drawn.
    /// </summary>
    /// <param name="scale">Per agent of the segment, its scale σ (a miner's own hashrate, docs/model.md §17.2); null: σ = 1. The units it
    /// reports are the action's units × σ.</param>
    private void Respond<TDraw>(RoleSegment segment, RoleBehaviour b, ContributionTally t, BehaviourReport report, int epoch, StepOrder order,
        TDraw draw, double[]? scale = null)
        where TDraw : struct, IActionDraw
    {
        var r = (int)segment.Role;
        var terms = (order.Behaviour ?? throw new InvalidOperationException($"epoch {epoch}: the step order carries no behaviour terms"))[r];
        var actions = b.Actions;
        var caught = _caught![r];
        ref var tally = ref report.ByRole[r];
        Int128 units = 0;
        var active = 0;
        for (var i = segment.From; i < segment.To; i++)
        {
            var j = i - segment.From;
            _rng.Load(_rngState, i);
            var sigma = scale is null ? 1 : scale[j];
            var d = b.Decide(j, epoch, _rng, terms, sigma, _balance[i]);
            _balance[i] -= d.BondMoved;
            _bondHeld += d.BondMoved;
            caught[j] = d.Caught;
            tally.Add(d, actions.Effort(d.Action));
            if (b.IsPresent(j))
            {
                tally.Present++;
                tally.Bonded += b.Bond(j);
            }
            if (_active[i] = d.TakesPart)
            {
                active++;
                draw.Draw(i, j, d.Action);
                if (!d.Caught) units += ExactSum.Quantize(actions.Units(d.Action) * sigma);
            }
            _rng.Store(_rngState, i);
        }
        report.UnitsByRole[r] += units;
        t.Active[r] = active;
    }

    /// <summary>A caught cheat is paid nothing: zeroes the scores of the role's caught agents and returns what they were.</summary>
    private Int128 UnscoreCaught(RoleSegment segment)
    {
        if (Responding(segment.Role) is null) return 0;
        var caught = _caught![(int)segment.Role];
        Int128 removed = 0;
        for (var i = segment.From; i < segment.To; i++)
        {
            if (!caught[i - segment.From]) continue;
            removed += _score[i];
            _score[i] = 0;
        }
        return removed;
    }

    /// <summary>
    /// Reports each responding agent's outcome of the paid epoch (what it was paid, as the settlement above paid it) and keeps the pay
    /// until <see cref="SettleInto"/>: the state learns from epoch e only before the draw of e + 2, as in the uninterrupted pipeline,
    /// so a checkpoint's drain (which pays e + 1 before drawing e + 2) changes no decision.
    /// </summary>
    private BehaviourReport? SettleBehaviour(SettleOrder order)
    {
        if (_behaviour is null) return null;
        var report = BehaviourReport.Empty();
        long slashed = 0;
        var slot = order.Epoch % RoleBehaviour.PipelineDepth;
        foreach (var segment in (ReadOnlySpan<RoleSegment>)[_providers, _trainers, _users])
        {
            if (Responding(segment.Role) is not { } b) continue;
            ref var tally = ref report.ByRole[(int)segment.Role];
            var paid = _paid![(int)segment.Role];
            var member = MemberOffset(segment.Role);
            for (var i = segment.From; i < segment.To; i++)
            {
                var j = i - segment.From;
                var units = order.Payout(segment.Role, i + member, _score[i]);
                paid[j * RoleBehaviour.PipelineDepth + slot] = units;
                var outcome = b.OutcomeOf(j, order.Epoch, units);
                tally.Add(outcome);
                slashed += outcome.Slashed;
            }
        }
        if (Responding(Role.Validator) is { } validators)
            slashed += SettleCredited(_validators, order, validators, ref report.ByRole[(int)Role.Validator], slot);
        if (Responding(Role.Miner) is { } miners) slashed += SettleCredited(_miners, order, miners, ref report.ByRole[(int)Role.Miner], slot);
        _unsettled.Add(order.Epoch);
        _bondHeld -= slashed; // burned: the epoch loop takes it off the supply
        return report with { Slashed = slashed, BondHeld = _bondHeld };
    }

    /// <summary>Before drawing <paramref name="epoch"/>: settles every paid epoch up to <paramref name="epoch"/> − 2 into the state, oldest
    /// first.</summary>
    private void SettleInto(int epoch)
    {
        while (_unsettled.Count > 0 && _unsettled[0] <= epoch - 2)
        {
            var settled = _unsettled[0];
            _unsettled.RemoveAt(0);
            var slot = settled % RoleBehaviour.PipelineDepth;
            for (var r = 0; r < Roles.Count; r++)
            {
                if (_behaviour![r] is not { } b) continue;
                var paid = _paid![r];
                for (var j = 0; j < b.Count; j++) b.Settle(j, settled, paid[j * RoleBehaviour.PipelineDepth + slot]);
            }
        }
    }

    private void WriteBehaviourState(BinaryWriter w)
    {
        w.Write(_bondHeld);
        StateIo.Write(w, _unsettled.ToArray());
        for (var r = 0; r < Roles.Count; r++)
        {
            StateIo.Write(w, _caught![r]);
            StateIo.Write(w, _paid![r]);
            _behaviour![r]?.WriteState(w);
        }
    }

    private void ReadBehaviourState(BinaryReader r)
    {
        _bondHeld = r.ReadInt64();
        _unsettled.Clear();
        _unsettled.AddRange(StateIo.ReadInts(r));
        for (var k = 0; k < Roles.Count; k++)
        {
            StateIo.Read(r, _caught![k]);
            StateIo.Read(r, _paid![k]);
            _behaviour![k]?.ReadState(r);
        }
    }

    /// <summary>A responding provider's batch: V_D = the action's n·q, its quality the action's effort (0 for a cheat's claimed batch).</summary>
    private readonly struct ProviderAction(AgentShard shard, ContributionTally t, ActionSet actions) : IActionDraw
    {
        public void Draw(int i, int j, int action)
        {
            var value = shard._providers.DataValue[j] = actions.Units(action);
            t.Quality.Add(actions.Effort(action));
            t.Data.Add(value);
        }
    }

    /// <summary>A responding trainer's GPU-hours g, then the U(0,1) draw behind synthetic Δacc, as <see cref="TrainerDraw"/>.</summary>
    private readonly struct TrainerAction(AgentShard shard, ContributionTally t, ActionSet actions) : IActionDraw
    {
        public void Draw(int i, int j, int action)
        {
            var trainers = shard._trainers;
            var g = trainers.GpuHours[j] = actions.Amount(action);
            trainers.AccuracyDraw[j] = shard._rng.NextDouble();
            t.Gpu.Add(g);
        }
    }

    /// <summary>A responding user's k calls (the action's), then their durations, as <see cref="UserDraw"/>.</summary>
    private readonly struct UserAction(AgentShard shard, ContributionTally t, ActionSet actions) : IActionDraw
    {
        private readonly UserPopulation _users = shard._model.Scenario.Populations.Users;

        public void Draw(int i, int j, int action)
        {
            var k = (long)actions.Calls(action);
            var duration = _users.CallDuration.SampleSum(shard._rng, k);
            shard._users.Usage[j] = duration;
            shard._users.Calls[j] = k;
            t.Usage.Add(duration);
            t.Calls += k;
        }
    }
}
