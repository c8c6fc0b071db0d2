using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>
/// The PoS leader rule (docs/model.md §4.5): slot s's proposer is validator i with probability stakeᵢ / Σ stake,
/// drawn from the slot's own stream (run seed, slot). In integers: u uniform on [0, Σ stake) picks
/// the first i whose cumulative stake exceeds u, so the probability is exactly stakeᵢ / Σ stake.
/// </summary>
public static class ProposerSchedule
{
    /// <returns>The index of the proposer, or −1 when no stake is eligible.</returns>
    public static int Pick(long runSeed, long slot, ReadOnlySpan<long> stakes)
    {
        var total = Total(stakes);
        if (total == 0) return -1;
        var u = Seeds.SlotRng(runSeed, slot, RngPurpose.StakeProposer).NextInt64(total);
        long cumulative = 0;
        for (var i = 0; i < stakes.Length; i++)
        {
            cumulative += stakes[i];
            if (u < cumulative) return i;
        }
        throw new InvalidOperationException("unreachable: u < total");
    }

    private static long Total(ReadOnlySpan<long> stakes)
    {
        long total = 0;
        foreach (var s in stakes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s);
            total = checked(total + s);
        }
        return total;
    }
}
