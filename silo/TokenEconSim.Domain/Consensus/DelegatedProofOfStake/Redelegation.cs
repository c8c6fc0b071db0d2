namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>
/// How holders change their vote between epochs, a deliberately simple model: each holder, with
/// probability p, re-draws its candidate ∝ (candidate's delegated stake last epoch) × (its
/// reliability last epoch = blocks produced / slots scheduled; 1 if it was not scheduled). Holders
/// follow the crowd (preferential attachment, which concentrates stake) but desert producers that
/// miss slots. Candidates without stake last epoch cannot gain votes this way. Holders draw in
/// ascending id order from one stream per epoch.
/// </summary>
public static class Redelegation
{
    public static Delegation[] Apply(
        IReadOnlyList<Delegation> delegations,
        IReadOnlyDictionary<int, long> previousDelegated,
        IReadOnlyDictionary<int, double> previousReliability,
        double probability,
        Random rng)
    {
        var candidates = previousDelegated.Where(c => c.Value > 0).Select(c => c.Key).Order().ToArray();
        var weights = candidates.Select(c => previousDelegated[c] * previousReliability.GetValueOrDefault(c, 1.0)).ToArray();
        var total = WeightedChoice.Total(weights);
        var result = delegations.OrderBy(d => d.HolderId).ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (!(rng.NextDouble() < probability)) continue;
            var pick = WeightedChoice.Pick(weights, total, rng);
            if (pick >= 0) result[i] = result[i] with { CandidateId = candidates[pick] };
        }
        return result;
    }
}
