namespace TokenEconSim.Domain.Numerics;

/// <summary>
/// Nakamoto coefficient (Srinivasan and Lee, "Quantifying Decentralization", 2017): the fewest
/// entities whose combined share of the weight (hashrate, stake) is strictly more than one half.
/// Strictly, because exactly 50 % is not a majority: two equal halves give 2, not 1. Weights are
/// taken greedily from the largest, which is minimal. 0 when there is no weight at all.
/// </summary>
/// <remarks>
/// Computed every epoch for hashrate and stake: the weights are sorted ascending with the BCL's
/// delegate-free sort and walked from the end (descending order), which costs a fraction of a
/// comparison-delegate sort; equal weights are interchangeable, so the sums are the same.
/// </remarks>
public static class NakamotoCoefficient
{
    /// <summary>Integer weights (stake in units): exact, no rounding at the 50 % boundary.</summary>
    public static int Of(ReadOnlySpan<long> weights)
    {
        foreach (var w in weights)
            if (w < 0) throw new ArgumentOutOfRangeException(nameof(weights), "weights must be non-negative");
        var sorted = weights.ToArray();
        Array.Sort(sorted);
        Int128 total = 0;
        foreach (var w in sorted) total += w;
        Int128 cumulative = 0;
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            cumulative += sorted[i];
            if (2 * cumulative > total) return sorted.Length - i;
        }
        return 0; // total is zero
    }

    /// <summary>Real weights (hashrate). Sums in descending order, a fixed order, hence a fixed rounding.</summary>
    public static int Of(ReadOnlySpan<double> weights)
    {
        foreach (var w in weights)
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentOutOfRangeException(nameof(weights), "weights must be finite and non-negative");
        var sorted = weights.ToArray();
        Array.Sort(sorted);
        var total = 0.0;
        for (var i = sorted.Length - 1; i >= 0; i--) total += sorted[i];
        var cumulative = 0.0;
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            cumulative += sorted[i];
            if (2 * cumulative > total) return sorted.Length - i;
        }
        return 0;
    }
}
