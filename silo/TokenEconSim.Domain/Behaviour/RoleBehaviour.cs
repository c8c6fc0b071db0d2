using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// The behaviour state of one population's agents in one shard, as parallel arrays indexed by the
/// agent's position among them (0 … Count−1, latent agents included): presence, the action held
/// between revisions, the action of each epoch awaiting settlement, the learning estimates, the
/// bond, and per-agent totals. The shard calls <see cref="Decide"/> for each agent when it draws an
/// epoch, with the agent's own generator loaded; it reports an epoch's <see cref="OutcomeOf"/> when the
/// epoch is paid and calls <see cref="Settle"/> just before it draws the epoch two on (so a
/// checkpoint's drain changes no decision); none allocates. Not used for <c>model: fixed</c>.
/// </summary>
public sealed partial class RoleBehaviour
{
    /// <summary>Epochs an action waits between its decision and its settlement, plus one (draw e, score e+1, settle e+2).</summary>
    public const int PipelineDepth = 3;
    private const int Absent = -1;

    private readonly Rule _rule;
    private readonly int _k;                 // actions, idle included
    private readonly bool[] _present;
    private readonly int[] _held;            // best_response: the action kept between revisions (-1: none yet)
    private readonly int[] _pending;         // [agent · depth + epoch mod depth]: the action (-1: absent)
    private readonly double[] _pendingCost;  // … its net cost in tokens, fixed at the decision
    private readonly long[] _pendingSlash;   // … base units slashed from the bond when the cheat was caught
    private readonly int[] _lossStreak;
    private readonly long[] _bond;           // base units bonded
    private readonly double[] _estimate;     // logit, bandit: [agent · k + action] profit estimate, tokens
    private readonly int[] _pulls;           // logit, bandit: [agent · k + action] times settled
    private readonly int[] _epochsActive, _cheatedEpochs;
    private readonly long[] _rewardTotal, _slashedTotal;
    private readonly double[] _costTotal;

    /// <param name="section">The population's behaviour section (its model must not be fixed).</param>
    /// <param name="actions">The population's actions, <see cref="ActionSet.For"/>.</param>
    /// <param name="first">Position of this shard's first agent among the population.</param>
    /// <param name="count">Agents of the population in this shard, latent ones included.</param>
    /// <param name="initialCount">The population's count: agents at positions below it start present, the rest latent.</param>
    public RoleBehaviour(RoleBehaviourSection section, ActionSet actions, int first, int count, int initialCount)
    {
        if (section.Model == BehaviourModel.Fixed)
            throw new ArgumentException("a fixed population draws as before and has no behaviour state", nameof(section));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _rule = Rule.From(section);
        Actions = actions;
        Model = section.Model;
        Count = count;
        _k = actions.Count;
        _present = new bool[count];
        _held = new int[count];
        _pending = new int[count * PipelineDepth];
        _pendingCost = new double[count * PipelineDepth];
        _pendingSlash = new long[count * PipelineDepth];
        _lossStreak = new int[count];
        _bond = new long[count];
        var learns = Model is BehaviourModel.Logit or BehaviourModel.Bandit;
        _estimate = new double[learns ? count * _k : 0];
        _pulls = new int[learns ? count * _k : 0];
        _epochsActive = new int[count];
        _cheatedEpochs = new int[count];
        _rewardTotal = new long[count];
        _slashedTotal = new long[count];
        _costTotal = new double[count];
        Array.Fill(_held, Absent);
        Array.Fill(_pending, Absent);
        for (var i = 0; i < count; i++)
        {
            _present[i] = first + i < initialCount;
            if (_present[i]) _bond[i] = _rule.StakeUnits;
        }
    }

    public ActionSet Actions { get; }
    public BehaviourModel Model { get; }
    public int Count { get; }

    /// <summary>
    /// Agent <paramref name="agent"/>'s decision for <paramref name="epoch"/>, drawn from its own
    /// generator <paramref name="rng"/> (loaded by the caller, stored back after). An absent agent
    /// reconsiders with probability ρ and enters when its look-back profit (× scale) exceeds the entry
    /// cost and its balance covers the stake; a present one whose bond was slashed below the stake tops
    /// it up from its balance, and leaves after m loss-making epochs in a row or when it cannot top up;
    /// otherwise its model picks the action.
    /// </summary>
    /// <param name="scale">σ: the agent's own hashrate (miners) or stake (validators); 1 for the other roles.</param>
    /// <param name="balance">The agent's balance, base units (entry needs it to cover the stake).</param>
    public Decision Decide(int agent, int epoch, Xoshiro256StarStar rng, in EpochTerms terms, double scale, long balance)
    {
        var slot = agent * PipelineDepth + epoch % PipelineDepth;
        bool entered = false, exited = false;
        long bondMoved = 0;
        if (!_present[agent])
        {
            if (!ShouldEnter(terms, scale, balance) || rng.NextDouble() >= _rule.Inertia)
                return Park(slot);
            (_present[agent], _lossStreak[agent], entered) = (true, 0, true);
            bondMoved = _rule.StakeUnits - _bond[agent];
            _bond[agent] = _rule.StakeUnits;
            _held[agent] = Absent;
        }
        else if (_bond[agent] < _rule.StakeUnits && balance >= _rule.StakeUnits - _bond[agent])
        {
            // Slashed below the stake: the agent tops its bond up from its balance to stay registered.
            bondMoved = _rule.StakeUnits - _bond[agent];
            _bond[agent] = _rule.StakeUnits;
        }
        if (_present[agent] && !entered && ((_rule.ExitAfter > 0 && _lossStreak[agent] >= _rule.ExitAfter) || _bond[agent] < _rule.StakeUnits))
        {
            (_present[agent], exited, bondMoved) = (false, true, bondMoved - _bond[agent]);
            _bond[agent] = 0;
            var parked = Park(slot);
            return parked with { Exited = exited, BondMoved = bondMoved };
        }
        var action = Choose(agent, rng, terms, scale, entered);
        var cheats = Actions.Cheats(action);
        var caught = cheats && Detection.IsCaught(rng, terms.DetectionProbability);
        // The slash leaves the bond at once, so an agent that exits before this epoch settles
        // cannot take the slashed units back with its refund; they are burned at settlement.
        var slash = caught ? Math.Min(_rule.SlashUnits, _bond[agent]) : 0;
        _bond[agent] -= slash;
        _pending[slot] = action;
        _pendingCost[slot] = Actions.NetCost(action, terms, scale);
        _pendingSlash[slot] = slash;
        return new Decision(action, entered, exited, cheats, caught, bondMoved);
    }

    /// <summary>
    /// Settles agent <paramref name="agent"/>'s <paramref name="epoch"/> once its reward is known:
    /// reports a caught cheat's slash (taken from the bond at the decision), learns from the realised profit (logit, bandit), counts a loss
    /// towards exit, and adds to the agent's totals. An agent absent that epoch settles to nothing.
    /// </summary>
    /// <param name="reward">Base units paid to the agent for that epoch (0 for a caught cheat).</param>
    public Outcome Settle(int agent, int epoch, long reward)
    {
        var slot = agent * PipelineDepth + epoch % PipelineDepth;
        var action = _pending[slot];
        var outcome = OutcomeOf(agent, epoch, reward);
        _pending[slot] = Absent;
        if (action == Absent) return outcome;
        Learn(agent, action, outcome.Profit);
        _lossStreak[agent] = outcome.Profit < 0 ? _lossStreak[agent] + 1 : 0;
        if (outcome.TookPart) _epochsActive[agent]++;
        if (outcome.Cheated) _cheatedEpochs[agent]++;
        _rewardTotal[agent] += reward;
        _slashedTotal[agent] += outcome.Slashed;
        _costTotal[agent] += outcome.Cost;
        return outcome;
    }

    /// <summary>
    /// What <see cref="Settle"/> will report for agent <paramref name="agent"/>'s <paramref name="epoch"/> paid <paramref name="reward"/>,
    /// changing nothing (the shard reports an epoch's outcomes when it is paid, and settles it into the state only before the draw two
    /// epochs on, so that draining the pipeline for a checkpoint changes no decision).
    /// </summary>
    public Outcome OutcomeOf(int agent, int epoch, long reward)
    {
        var slot = agent * PipelineDepth + epoch % PipelineDepth;
        var action = _pending[slot];
        if (action == Absent) return default;
        var slashed = _pendingSlash[slot];
        var cost = _pendingCost[slot];
        var profit = TokenUnits.ToTokens(reward) - cost - TokenUnits.ToTokens(slashed);
        return new Outcome(Actions.TakesPart(action), cost, reward, slashed, profit, Actions.Cheats(action));
    }

    /// <summary>
    /// Agent <paramref name="agent"/>'s totals as <see cref="Settle"/> would leave them once the paid epochs
    /// <paramref name="unsettled"/> (oldest first) were settled with their pay in <paramref name="paid"/>
    /// ([agent · <see cref="PipelineDepth"/> + epoch mod depth]), changing nothing: at the end of a run the last two epochs are paid
    /// but not settled (they would be just before the draws two epochs on, which never come).
    /// </summary>
    public AgentTotal TotalOf(int agent, ReadOnlySpan<int> unsettled, ReadOnlySpan<long> paid)
    {
        var (active, cheated) = (_epochsActive[agent], _cheatedEpochs[agent]);
        var (reward, slashed, cost) = (_rewardTotal[agent], _slashedTotal[agent], _costTotal[agent]);
        foreach (var epoch in unsettled)
        {
            // In Settle's order and arithmetic, so the cost's rounding is the one settling would give.
            var o = OutcomeOf(agent, epoch, paid[agent * PipelineDepth + epoch % PipelineDepth]);
            if (o.TookPart) active++;
            if (o.Cheated) cheated++;
            reward += o.Reward;
            slashed += o.Slashed;
            cost += o.Cost;
        }
        return new AgentTotal(_present[agent], active, cheated, reward, cost, slashed, _bond[agent]);
    }

    public bool IsPresent(int agent) => _present[agent];
    public long Bond(int agent) => _bond[agent];
    public int EpochsActive(int agent) => _epochsActive[agent];
    public int CheatedEpochs(int agent) => _cheatedEpochs[agent];
    public long RewardTotal(int agent) => _rewardTotal[agent];
    public long SlashedTotal(int agent) => _slashedTotal[agent];
    public double CostTotal(int agent) => _costTotal[agent];
    /// <summary>Reward − cost − slashed over the run so far, tokens.</summary>
    public double ProfitTotal(int agent) => TokenUnits.ToTokens(_rewardTotal[agent]) - _costTotal[agent] - TokenUnits.ToTokens(_slashedTotal[agent]);

    /// <summary>The learning estimate of an action (logit, bandit), tokens.</summary>
    public double Estimate(int agent, int action) => _estimate[agent * _k + action];

    private bool ShouldEnter(in EpochTerms terms, double scale, long balance) =>
        !double.IsNaN(terms.LookBackProfit) && terms.LookBackProfit * scale > _rule.EntryCost && balance >= _rule.StakeUnits;

    private Decision Park(int slot)
    {
        _pending[slot] = Absent;
        _pendingCost[slot] = 0;
        _pendingSlash[slot] = 0;
        return default;
    }

    private int Choose(int agent, Xoshiro256StarStar rng, in EpochTerms terms, double scale, bool entered)
    {
        switch (Model)
        {
            case BehaviourModel.BestResponse:
                return _held[agent] = BestResponse(agent, rng, terms, scale, entered);
            case BehaviourModel.Logit:
                return ChoiceRules.Logit(Estimates(agent), _rule.Lambda, rng);
            case BehaviourModel.Bandit when _rule.Bandit == BanditRule.Ucb1:
                return ChoiceRules.Ucb1(Estimates(agent), _pulls.AsSpan(agent * _k, _k), _rule.UcbScale);
            default:
                return ChoiceRules.EpsilonGreedy(Estimates(agent), _rule.Epsilon, rng);
        }
    }

    /// <summary>
    /// Myopic best response with inertia: with probability ρ (always on entry, and for the first
    /// decision once a reward has been observed) the action maximising expected profit at last epoch's
    /// reward per unit, else the action held. Before any reward is observed, the default action.
    /// </summary>
    private int BestResponse(int agent, Xoshiro256StarStar rng, in EpochTerms terms, double scale, bool entered)
    {
        if (double.IsNaN(terms.RewardPerUnit)) return _held[agent] == Absent ? Actions.DefaultAction : _held[agent];
        if (!entered && _held[agent] != Absent && rng.NextDouble() >= _rule.Inertia) return _held[agent];
        Span<double> profits = stackalloc double[_k];
        for (var a = 0; a < _k; a++) profits[a] = Actions.ExpectedProfit(a, terms, scale);
        return ChoiceRules.Argmax(profits);
    }

    private ReadOnlySpan<double> Estimates(int agent) => _estimate.AsSpan(agent * _k, _k);

    /// <summary>
    /// logit: exponentially weighted average, x ← (1 − w)·x + w·π, from x = 0 (break-even, what sitting
    /// out earns: one bad epoch moves an estimate by w·π, not to π, so a single unlucky try does not
    /// shut an action out for good at high λ); bandit: the sample mean, x ← x + (π − x)/n (Sutton and
    /// Barto 2018, §2.4).
    /// </summary>
    private void Learn(int agent, int action, double profit)
    {
        if (_estimate.Length == 0) return;
        var at = agent * _k + action;
        var n = ++_pulls[at];
        var weight = Model == BehaviourModel.Logit ? _rule.Smoothing : 1.0 / n;
        _estimate[at] += weight * (profit - _estimate[at]);
    }

    /// <summary>The section's constants, read once (the section's properties are not read per agent).</summary>
    private readonly record struct Rule(double Inertia, double Lambda, double Smoothing, BanditRule Bandit, double Epsilon,
        double UcbScale, double EntryCost, int ExitAfter, long StakeUnits, long SlashUnits)
    {
        public static Rule From(RoleBehaviourSection s)
        {
            var staked = s as StakedRoleBehaviourSection;
            return new(s.Inertia, s.Lambda, s.Smoothing, s.Bandit, s.Epsilon, s.UcbScale, s.EntryCost, s.ExitAfter,
                TokenUnits.FromTokens(staked?.Stake ?? 0), TokenUnits.FromTokens(staked?.Slash ?? 0));
        }
    }
}
