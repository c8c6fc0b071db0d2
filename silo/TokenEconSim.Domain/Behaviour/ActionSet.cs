using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// A population's discrete actions, built once from its scenario section: action 0 sits the epoch
/// out; every other is a (how much, how well) pair, and with cheating on each honest action has a
/// cheap dishonest twin. Per action, in parallel arrays: the contribution units the reward per unit
/// applies to, the amount (records, GPU-hours, calls, or a fraction of the agent's hashrate or
/// stake), the effort (a provider's quality; 1 honest, 0 for a cheat), the cost in the numeraire and
/// the calls a user makes. Units and costs of miners and validators are per unit of the agent's own
/// hashrate or stake (the <c>scale</c> of <see cref="ExpectedProfit"/>).
/// </summary>
public sealed class ActionSet
{
    /// <summary>The action of an agent that does not take part.</summary>
    public const int Idle = 0;

    private readonly double[] _units, _amount, _effort, _cost, _calls;
    private readonly bool[] _cheats;

    /// <param name="defaultAction">Index among <paramref name="actions"/> (before idle is inserted) of the default action.</param>
    private ActionSet(
        List<(double Units, double Amount, double Effort, double Cost, double Calls, bool Cheats)> actions,
        int defaultAction, double slash, double feePerCall)
    {
        DefaultAction = defaultAction + 1;
        actions.Insert(Idle, (0, 0, 0, 0, 0, false));
        _units = [.. actions.Select(a => a.Units)];
        _amount = [.. actions.Select(a => a.Amount)];
        _effort = [.. actions.Select(a => a.Effort)];
        _cost = [.. actions.Select(a => a.Cost)];
        _calls = [.. actions.Select(a => a.Calls)];
        _cheats = [.. actions.Select(a => a.Cheats)];
        Slash = slash;
        FeePerCall = feePerCall;
    }

    /// <summary>Number of actions, idle included.</summary>
    public int Count => _units.Length;
    /// <summary>Tokens slashed for a detected cheat (before the cap at the bond).</summary>
    public double Slash { get; }
    /// <summary>Tokens a user pays per call.</summary>
    public double FeePerCall { get; }
    /// <summary>What a best-responding agent does before any reward has been observed: the middle level, honest, at the highest quality; miners and
    /// validators all on.</summary>
    public int DefaultAction { get; }

    public double Units(int action) => _units[action];
    public double Amount(int action) => _amount[action];
    public double Effort(int action) => _effort[action];
    public double Cost(int action) => _cost[action];
    public double Calls(int action) => _calls[action];
    public bool Cheats(int action) => _cheats[action];
    public bool TakesPart(int action) => action != Idle;

    /// <summary>
    /// Expected profit in tokens of <paramref name="action"/> for an agent of the given scale:
    /// π = r̂·U·σ·(1 − d·χ) − C·σ·τ − d·χ·S + k·(v − φ), with r̂ the reward per unit observed, U the
    /// action's units, σ the scale, d the detection probability, χ 1 for a cheat, C the cost in the
    /// numeraire, τ tokens per numeraire unit, S the slash, k calls, v a call's value and φ the fee.
    /// Before any reward is observed (r̂ NaN) the reward term counts as 0.
    /// </summary>
    public double ExpectedProfit(int action, in EpochTerms terms, double scale = 1)
    {
        if (action == Idle) return 0;
        var rewardPerUnit = double.IsNaN(terms.RewardPerUnit) ? 0 : terms.RewardPerUnit;
        var caught = _cheats[action] ? terms.DetectionProbability : 0;
        return rewardPerUnit * _units[action] * scale * (1 - caught)
            - NetCost(action, terms, scale)
            - caught * Slash;
    }

    /// <summary>
    /// The action's cost less a user's value of its calls, in tokens: C·σ·τ − k·(v − φ). What an agent
    /// is sure to bear this epoch whatever it is paid.
    /// </summary>
    public double NetCost(int action, in EpochTerms terms, double scale = 1) =>
        _cost[action] * scale * terms.TokensPerNumeraire - RoleCosts.UserSurplus(_calls[action], terms.ValuePerCall, FeePerCall);

    /// <summary>The highest expected profit over the actions (idle's 0 included): what entry weighs.</summary>
    public double BestExpectedProfit(in EpochTerms terms, double scale = 1)
    {
        var best = 0.0;
        for (var a = 1; a < Count; a++) best = Math.Max(best, ExpectedProfit(a, terms, scale));
        return best;
    }

    /// <summary>The actions of a population from its behaviour section (fee per call in tokens, for users).</summary>
    public static ActionSet For(RoleBehaviourSection section, double feePerCall = 0) => section switch
    {
        ProviderBehaviour p => Providers(p),
        TrainerBehaviour t => Trainers(t),
        UserBehaviour u => Users(u, feePerCall),
        ValidatorBehaviour v => Fractions(v.Levels, v.StakeYield, RoleCosts.ValidatorStake),
        MinerBehaviour m => Fractions(m.Levels, m.EnergyCost, RoleCosts.MinerEnergy),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section.GetType().Name, "no action set for this population"),
    };

    /// <summary>"How much" levels around a middle amount: x·2^(j − ⌊L/2⌋), j = 0 … L−1 (L = 3: x/2, x, 2x).</summary>
    public static double Level(double middle, int j, int levels) => middle * Math.Pow(2, j - levels / 2);

    private static ActionSet Providers(ProviderBehaviour p)
    {
        var actions = new List<(double, double, double, double, double, bool)>();
        for (var j = 0; j < p.Levels; j++)
            for (var e = 0; e < p.QualityLevels; e++)
            {
                var n = Math.Floor(Level(p.Records, j, p.Levels));
                var q = p.QualityLevels == 1 ? p.QualityHigh : p.QualityLow + (p.QualityHigh - p.QualityLow) * e / (p.QualityLevels - 1);
                var cost = RoleCosts.ProviderBatch(n, q, p.CostPerRecord, p.QualityCost, p.QualityExponent);
                actions.Add((n * q, n, q, cost, 0, false));
            }
        return WithCheats(actions, p.Levels / 2 * p.QualityLevels + p.QualityLevels - 1, p);
    }

    private static ActionSet Trainers(TrainerBehaviour t)
    {
        var actions = new List<(double, double, double, double, double, bool)>();
        for (var j = 0; j < t.Levels; j++)
        {
            var g = Level(t.GpuHours, j, t.Levels);
            actions.Add((g, g, 1, RoleCosts.Trainer(g, t.CostPerGpuHour), 0, false));
        }
        return WithCheats(actions, t.Levels / 2, t);
    }

    /// <summary>
    /// With cheating on, each honest action gets a twin that claims the same units at the fraction f
    /// of its cost with effort 0: a provider's duplicated or careless batch, a trainer's resubmitted
    /// global model. It saves (1 − f)·C and risks the slash and the reward.
    /// </summary>
    private static ActionSet WithCheats(
        List<(double Units, double Amount, double Effort, double Cost, double Calls, bool Cheats)> honest,
        int defaultAction, StakedRoleBehaviourSection s)
    {
        var all = new List<(double, double, double, double, double, bool)>(honest);
        if (s.Cheating)
            foreach (var a in honest) all.Add((a.Units, a.Amount, 0, a.Cost * s.CheatCostFraction, 0, true));
        return new ActionSet(all, defaultAction, s.Slash, 0);
    }

    private static ActionSet Users(UserBehaviour u, double feePerCall)
    {
        var actions = new List<(double, double, double, double, double, bool)>();
        for (var j = 0; j < u.Levels; j++)
        {
            var k = Math.Floor(Level(u.Calls, j, u.Levels));
            actions.Add((k, k, 1, 0, k, false));
        }
        return new ActionSet(actions, u.Levels / 2, 0, feePerCall);
    }

    /// <summary>Miners and validators: switch on 1/L, 2/L, …, 1 of their own hashrate or stake.</summary>
    private static ActionSet Fractions(int levels, double costPerUnit, Func<double, double, double> cost)
    {
        var actions = new List<(double, double, double, double, double, bool)>();
        for (var j = 1; j <= levels; j++)
        {
            var f = (double)j / levels;
            actions.Add((f, f, f, cost(f, costPerUnit), 0, false)); // effort: the share switched on (metrics' effort_mean)
        }
        return new ActionSet(actions, levels - 1, 0, 0);
    }
}
