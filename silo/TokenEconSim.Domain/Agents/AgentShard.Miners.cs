using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Agents;

// Responding miners of AgentShard (docs/model.md §17.1–§17.3): a miner whose behaviour model is not fixed decides each epoch which
// fraction f of its own hashrate h to switch on (idle: off), bearing f·h·energy_cost; consensus sees f·h; what it is paid is the
// block rewards credited to it. With miners fixed none of this runs.
public sealed partial class AgentShard
{
    private double[]? _minerOn; // per miner of the segment: the hashrate switched on in the epoch last drawn, f·h

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
    /// What each responding miner was paid for the settled epoch: the block rewards credited to it (<see cref="SettleOrder.Credits"/>;
    /// paid whether or not the epoch is accepted, as the settlement pays them). Miners receive no fees and no pool. Kept in
    /// <see cref="_paid"/>'s slot of the epoch and reported as each miner's outcome; nothing is allocated.
    /// </summary>
    private long SettleMiners(SettleOrder order, RoleBehaviour b, ref BehaviourTally tally, int slot)
    {
        var paid = _paid![(int)Role.Miner];
        for (var j = 0; j < _miners.Count; j++) paid[j * RoleBehaviour.PipelineDepth + slot] = 0;
        foreach (var credit in order.Credits)
        {
            var j = credit.AgentId - First - _miners.From;
            if ((uint)j < (uint)_miners.Count) paid[j * RoleBehaviour.PipelineDepth + slot] += credit.Units;
        }
        long slashed = 0;
        for (var j = 0; j < _miners.Count; j++)
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
}
