namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>
/// DPoS election (docs/model.md §4.6): the K candidates with the most delegated stake produce this epoch,
/// ranked by stake descending, ties to the lower id. A candidate with no delegated stake is never elected.
/// </summary>
public static class ProducerElection
{
    /// <summary>Delegated stake per candidate, in ascending candidate id.</summary>
    public static SortedDictionary<int, long> Tally(IEnumerable<Delegation> delegations)
    {
        var tally = new SortedDictionary<int, long>();
        foreach (var d in delegations)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d.Stake);
            tally[d.CandidateId] = checked(tally.GetValueOrDefault(d.CandidateId) + d.Stake);
        }
        return tally;
    }

    /// <returns>Up to K producers in rank order (the rotation order).</returns>
    public static int[] Elect(IReadOnlyDictionary<int, long> delegated, int producerCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(producerCount);
        return [.. delegated.Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key)
            .Take(producerCount).Select(c => c.Key)];
    }

    /// <summary>The fixed rotation: the epoch's slot i (from 0) belongs to producers[i mod K].</summary>
    public static int ProducerFor(IReadOnlyList<int> producers, int slotInEpoch) => producers[slotInEpoch % producers.Count];
}
