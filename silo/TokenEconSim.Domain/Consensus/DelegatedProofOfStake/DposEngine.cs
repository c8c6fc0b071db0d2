using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>
/// Delegated proof of stake (docs/model.md §4.6), one epoch at a time: holders re-delegate (from the second
/// epoch this engine runs, see <see cref="Redelegation"/>), the top K candidates are elected and
/// produce in a fixed rotation; a producer misses its slot when flagged offline or with the
/// scenario's probability (drawn per slot from (run seed, slot)). A missed slot has no block and
/// no reward. Each produced block's reward is split by <see cref="RewardSplit"/>.
/// </summary>
public sealed class DposEngine(long runSeed, DposSettings settings)
{
    private IReadOnlyDictionary<int, long>? _previousDelegated;
    private Dictionary<int, double> _previousReliability = [];

    /// <param name="firstSlot">Global number of the epoch's first slot (seeds the misses).</param>
    /// <param name="offline">Producers that miss every slot this epoch.</param>
    public DposEpochResult RunEpoch(int epoch, long firstSlot, IReadOnlyList<Delegation> delegations, long blockRewardUnits,
        IReadOnlySet<int>? offline = null)
    {
        var votes = Revote(epoch, delegations);
        var delegated = ProducerElection.Tally(votes);
        var producers = ProducerElection.Elect(delegated, settings.ProducerCount);
        var slots = Rotate(firstSlot, producers, offline ?? new HashSet<int>());
        var payouts = Pay(slots, votes, blockRewardUnits);
        var records = Records(producers, slots);

        _previousDelegated = delegated;
        _previousReliability = records.ToDictionary(r => r.ProducerId, r => r.Reliability);
        return new DposEpochResult(epoch, producers, slots, records, payouts, delegated, votes, payouts.Sum(p => p.Units));
    }

    private Delegation[] Revote(int epoch, IReadOnlyList<Delegation> delegations)
    {
        if (_previousDelegated is null || settings.RedelegationProbability == 0) return [.. delegations.OrderBy(d => d.HolderId)];
        var rng = Seeds.SharedRng(runSeed, epoch, RngPurpose.DelegatedRedelegation);
        return Redelegation.Apply(delegations, _previousDelegated, _previousReliability, settings.RedelegationProbability, rng);
    }

    private DposSlot[] Rotate(long firstSlot, int[] producers, IReadOnlySet<int> offline)
    {
        if (producers.Length == 0) return [];
        var slots = new DposSlot[settings.SlotsPerEpoch];
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = firstSlot + i;
            var producer = ProducerElection.ProducerFor(producers, i);
            slots[i] = new DposSlot(slot, producer, !offline.Contains(producer) && !Misses(slot));
        }
        return slots;
    }

    private bool Misses(long slot) =>
        settings.MissProbability > 0 &&
        Seeds.SlotRng(runSeed, slot, RngPurpose.DelegatedMissedSlot).NextDouble() < settings.MissProbability;

    private Payout[] Pay(DposSlot[] slots, Delegation[] votes, long reward)
    {
        var delegators = votes.GroupBy(v => v.CandidateId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, long)>)[.. g.Select(v => (v.HolderId, v.Stake))]);
        var paid = new SortedDictionary<int, long>();
        foreach (var slot in slots.Where(s => s.Produced))
            foreach (var p in RewardSplit.Split(reward, slot.ProducerId, settings.Commission, delegators.GetValueOrDefault(slot.ProducerId, [])))
                paid[p.AgentId] = paid.GetValueOrDefault(p.AgentId) + p.Units;
        return [.. paid.Select(p => new Payout(p.Key, p.Value))];
    }

    private static ProducerRecord[] Records(int[] producers, DposSlot[] slots) =>
        [.. producers.Select(p => new ProducerRecord(p,
            slots.Count(s => s.ProducerId == p && s.Produced),
            slots.Count(s => s.ProducerId == p && !s.Produced)))];
}
