using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation.Checkpoints;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Simulation;

/// <summary>
/// The epoch loop's side of the responding populations (docs/model.md §17.3, §17.5): what each
/// scored epoch paid per contribution unit, role by role, and the look-back of entry. An epoch's
/// observation is made when it is scored and read by the draw two epochs later (the epoch decided at
/// step m uses r̂ of epoch m − 2), indexed by epoch, so draining the pipeline for a checkpoint changes
/// what no draw reads. Exists only when some population is not fixed.
/// </summary>
public sealed class LoopBehaviour : ICheckpointed
{
    private readonly RunModel _model;
    private readonly LookBack?[] _lookBack = new LookBack?[Roles.Count];
    private readonly double[] _rewardPerUnit = new double[Roles.Count];
    private readonly List<Observation> _pending = [];  // scored epochs no draw has read yet, oldest first
    private int _activeValidators;
    private double _accuracy = double.NaN;

    private readonly record struct Observation(int Epoch, double[] RewardPerUnit, int ActiveValidators, double Accuracy);

    private LoopBehaviour(RunModel model)
    {
        _model = model;
        Array.Fill(_rewardPerUnit, double.NaN);
        foreach (var role in Roles.All)
            if (model.BehaviourActions[(int)role] is not null)
                _lookBack[(int)role] = new LookBack(PopulationBehaviour.SectionOf(model.Scenario.Behaviour, role).LookBack);
        _activeValidators = model.Layout.CountOf(Role.Validator);
    }

    public static LoopBehaviour? For(RunModel model) => model.BehaviourOn ? new LoopBehaviour(model) : null;

    /// <summary>
    /// Records what a scored epoch pays each responding role per unit it will pay for: pool mode P·S_r/S, shares mode the role's
    /// part (when S_r &gt; 0), absolute mode S_r (S_r the role's score, caught cheats scored 0); nothing when the epoch is rejected.
    /// Miners: the block rewards credited to miners (paid whether or not the epoch is accepted) over the hashrate switched on, Σ f·h;
    /// validators: the proposer reward credited to validators over the stake bonded, Σ f·s.
    /// No units: no observation.
    /// </summary>
    public void Observe(int epoch, SettleOrder settle, ScoreReport? score, ContributionReport drawn, double accuracy)
    {
        var (accepted, mode, pool) = (settle.Accepted, settle.Mode, settle.Pool);
        var units = drawn.Behaviour ?? throw new InvalidOperationException($"epoch {epoch}: the shards sent no behaviour report");
        Int128 total = 0;
        if (score is not null)
            foreach (var s in score.ScoreByRole) total += s;
        var rates = new double[Roles.Count];
        for (var r = 0; r < Roles.Count; r++)
        {
            var paid = !accepted || score is null ? 0
                : mode == RewardMode.Absolute ? new ExactSum(score.ScoreByRole[r]).Value
                : mode == RewardMode.Shares ? (score.ScoreByRole[r] > 0 ? TokenUnits.ToTokens(settle.RolePools![r]) : 0)
                : total > 0 ? TokenUnits.ToTokens(pool) * ((double)score.ScoreByRole[r] / (double)total)
                : 0;
            if ((r == (int)Role.Miner || r == (int)Role.Validator) && _lookBack[r] is not null)
                paid = TokenUnits.ToTokens(CreditedTo((Role)r, settle.Credits));
            rates[r] = EpochTerms.ObservedRewardPerUnit(paid, new ExactSum(units.UnitsByRole[r]).Value, double.NaN);
        }
        _pending.Add(new Observation(epoch, rates, drawn.ActiveByRole[(int)Role.Validator], accuracy));
    }

    /// <summary>Base units consensus credited to <paramref name="role"/>'s agents for an epoch: miners' block rewards, the validators'
    /// proposer reward (neither role receives fees or a share of the pool).</summary>
    private long CreditedTo(Role role, AgentCredit[] credits)
    {
        long pay = 0;
        foreach (var c in credits)
            if (_model.Layout.RoleOf(c.AgentId) == role) pay += c.Units;
        return pay;
    }

    /// <summary>
    /// The terms each role decides epoch <paramref name="epoch"/> on (default for a fixed role): first reads every observation of
    /// an epoch up to <paramref name="epoch"/> − 2 into r̂ and the look-back, in epoch order.
    /// </summary>
    public EpochTerms[] TermsFor(int epoch, double tokenPrice)
    {
        while (_pending.Count > 0 && _pending[0].Epoch <= epoch - 2)
        {
            var o = _pending[0];
            _pending.RemoveAt(0);
            (_activeValidators, _accuracy) = (o.ActiveValidators, o.Accuracy);
            for (var r = 0; r < Roles.Count; r++)
            {
                if (_lookBack[r] is not { } lookBack) continue;
                if (!double.IsNaN(o.RewardPerUnit[r])) _rewardPerUnit[r] = o.RewardPerUnit[r];
                lookBack.Push(_model.BehaviourActions[r]!.BestExpectedProfit(Terms((Role)r, tokenPrice, double.NaN)));
            }
        }
        var terms = new EpochTerms[Roles.Count];
        for (var r = 0; r < Roles.Count; r++)
            if (_lookBack[r] is { } lookBack) terms[r] = Terms((Role)r, tokenPrice, lookBack.Sum);
        return terms;
    }

    /// <summary>The latest r̂ of a role (NaN before any observation read), tokens per unit.</summary>
    public double RewardPerUnit(Role role) => _rewardPerUnit[(int)role];

    private EpochTerms Terms(Role role, double tokenPrice, double lookBack) =>
        PopulationBehaviour.Terms(_model.Scenario.Behaviour, role, _rewardPerUnit[(int)role], tokenPrice, _activeValidators,
            _model.Layout.CountOf(Role.Validator), _accuracy, lookBack);

    public void WriteState(BinaryWriter w)
    {
        StateIo.Write(w, _rewardPerUnit);
        w.Write(_activeValidators);
        w.Write(_accuracy);
        foreach (var lookBack in _lookBack) lookBack?.WriteState(w);
        w.Write(_pending.Count);
        foreach (var o in _pending)
        {
            w.Write(o.Epoch);
            StateIo.Write(w, o.RewardPerUnit);
            w.Write(o.ActiveValidators);
            w.Write(o.Accuracy);
        }
    }

    public void ReadState(BinaryReader r)
    {
        StateIo.Read(r, _rewardPerUnit);
        _activeValidators = r.ReadInt32();
        _accuracy = r.ReadDouble();
        foreach (var lookBack in _lookBack) lookBack?.ReadState(r);
        _pending.Clear();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var (epoch, rates) = (r.ReadInt32(), new double[Roles.Count]);
            StateIo.Read(r, rates);
            _pending.Add(new Observation(epoch, rates, r.ReadInt32(), r.ReadDouble()));
        }
    }
}
