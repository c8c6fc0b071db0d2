using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>
/// A block reward shared with the producer's delegators: the producer keeps ⌊reward · commission⌋;
/// delegator i receives ⌊rest · sᵢ / Σs⌋ of the rest, pro rata to delegated stake; the rounding
/// dust (fewer units than there are delegators) goes to the producer. So Σ payouts = reward
/// exactly, nobody is over-paid, and each delegator is within one unit of its exact share.
/// </summary>
public static class RewardSplit
{
    /// <param name="delegators">(holder id, delegated stake) of the producer's delegators.</param>
    /// <returns>Payouts by ascending agent id; a producer that delegates to itself gets one merged entry.
    /// Zero payouts are left out. With no delegated stake the producer takes the whole reward.</returns>
    public static Payout[] Split(long reward, int producerId, UnitFraction commission, IReadOnlyList<(int HolderId, long Stake)> delegators)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        var paid = new SortedDictionary<int, long>();
        var rest = reward - commission.Of(reward);
        Int128 total = 0;
        foreach (var (_, stake) in delegators) total += stake;
        long distributed = 0;
        if (total > 0)
            foreach (var (holder, stake) in delegators)
            {
                var share = (long)(rest * (Int128)stake / total);
                Add(paid, holder, share);
                distributed += share;
            }
        Add(paid, producerId, reward - distributed); // commission + dust
        return [.. paid.Where(p => p.Value > 0).Select(p => new Payout(p.Key, p.Value))];
    }

    private static void Add(SortedDictionary<int, long> paid, int agent, long units) =>
        paid[agent] = paid.GetValueOrDefault(agent) + units;
}
