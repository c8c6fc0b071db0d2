using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

// Responding miners and validators of AgentShard (docs/model.md §17.1–§17.3): a miner whose behaviour model is not fixed decides each
// epoch which fraction f of its own hashrate h to switch on (idle: off), bearing f·h·energy_cost; consensus sees f·h. A validator
// decides which fraction f of its own stake s to bond, bearing f·s·stake_yield; consensus sees f·s, and only a bonding validator votes.
// What either is paid is what consensus credits to it (block rewards, the proposer reward). With both fixed none of this runs.
public sealed partial class AgentShard
{
    private double[]? _minerOn;     // per miner of the segment: the hashrate switched on in the epoch last drawn, f·h
    private double[]? _validatorOn; // per validator of the segment: the stake bonded in the epoch last drawn, f·s

    /// <summary>
    /// The responding miners' decisions, in place of <see cref="Participate{TDraw}"/>: each one's generator is loaded, its decision
    /// picks f at scale σ = h (its own hashrate), and the ids and switched-on hashrates f·h of those taking part are collected in id
    /// order.
    /// </summary>
    private (int[] Ids, double[] Hashrates) RespondMiners(RoleBehaviour b, ContributionTally t, BehaviourReport report, int epoch,
        StepOrder order)
    {
        _minerOn ??= new double[_miners.Count];
        Respond(_miners, b, t, report, epoch, order, new MinerAction(this, b.Actions), _miners.Hashrate);
        return Collect(_miners, _minerOn, t.Active[(int)Role.Miner]);
    }

    /// <summary>
    /// The responding validators' decisions: the fraction f of its stake s each bonds (σ = s), then, if it bonds any, its vote's
    /// validity as a drawing validator's (<see cref="ValidatorDraw"/>); the ids and bonded stakes f·s in id order.
    /// </summary>
    private (int[] Ids, double[] Stakes) RespondValidators(RoleBehaviour b, ContributionTally t, BehaviourReport report, int epoch,
        StepOrder order)
    {
        _validatorOn ??= new double[_validators.Count];
        Respond(_validators, b, t, report, epoch, order, new ValidatorAction(this, t, b.Actions), _validators.Stake);
        return Collect(_validators, _validatorOn, t.Active[(int)Role.Validator]);
    }

    /// <summary>
    /// What each responding agent of <paramref name="segment"/> (miners, validators) was paid for the settled epoch: what consensus
    /// credited to it (<see cref="SettleOrder.Credits"/>: block rewards, the proposer reward; paid whether or not the epoch is accepted,
    /// as the settlement pays them). Neither role receives fees or a share of the pool. Kept in <see cref="_paid"/>'s slot of the epoch
    /// and reported as each agent's outcome; nothing is allocated.
    /// </summary>
    private long SettleCredited(RoleSegment segment, SettleOrder order, RoleBehaviour b, ref BehaviourTally tally, int slot)
    {
        var paid = _paid![(int)segment.Role];
        for (var j = 0; j < segment.Count; j++) paid[j * RoleBehaviour.PipelineDepth + slot] = 0;
        foreach (var credit in order.Credits)
        {
            var j = credit.AgentId - First - segment.From;
            if ((uint)j < (uint)segment.Count) paid[j * RoleBehaviour.PipelineDepth + slot] += credit.Units;
        }
        long slashed = 0;
        for (var j = 0; j < segment.Count; j++)
        {
            var outcome = b.OutcomeOf(j, order.Epoch, paid[j * RoleBehaviour.PipelineDepth + slot]);
            tally.Add(outcome);
            slashed += outcome.Slashed;
        }
        return slashed;
    }

    /// <summary>A responding miner switches on the action's fraction f of its hashrate h: consensus sees f·h.</summary>
    private readonly struct MinerAction(AgentShard shard, ActionSet actions) : IActionDraw
    {
        public void Draw(int i, int j, int action) => shard._minerOn![j] = actions.Amount(action) * shard._miners.Hashrate[j];
    }

    /// <summary>A responding validator bonds the action's fraction f of its stake s (consensus sees f·s), then draws its vote.</summary>
    private readonly struct ValidatorAction(AgentShard shard, ContributionTally t, ActionSet actions) : IActionDraw
    {
        private readonly double _voteValid = shard._model.Scenario.Consensus.VoteValidProbability;

        public void Draw(int i, int j, int action)
        {
            shard._validatorOn![j] = actions.Amount(action) * shard._validators.Stake[j];
            if (shard._rng.NextDouble() < _voteValid) t.ValidVotes++;
        }
    }
}
