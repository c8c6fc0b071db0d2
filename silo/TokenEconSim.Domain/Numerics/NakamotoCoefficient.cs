namespace TokenEconSim.Domain.Numerics;

/// <summary>
/// Nakamoto coefficient (Srinivasan and Lee, "Quantifying Decentralization", 2017): the fewest
/// entities whose combined share of the weight (hashrate, stake) is strictly more than one half.
/// Strictly, because exactly 50 % is not a majority: two equal halves give 2, not 1. Weights are
/// sorted descending and taken greedily, which is minimal. 0 when there is no weight at all.
/// </summary>
public static class NakamotoCoefficient
{
    /// <summary>Integer weights (stake in units): exact, no rounding at the 50 % boundary.</summary>
    public static int Of(ReadOnlySpan<long> weights)
    {
        var sorted = weights.ToArray();
        if (sorted.Any(w => w < 0)) throw new ArgumentOutOfRangeException(nameof(weights), "weights must be non-negative");
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        Int128 total = 0;
        foreach (var w in sorted) total += w;
        Int128 cumulative = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            cumulative += sorted[i];
            if (2 * cumulative > total) return i + 1;
        }
        return 0; // total is zero
    }

    /// <summary>Real weights (hashrate). Sums in descending order, a fixed order, hence a fixed rounding.</summary>
    public static int Of(ReadOnlySpan<double> weights)
    {
        var sorted = weights.ToArray();
        if (sorted.Any(w => !(w >= 0) || double.IsInfinity(w)))
            throw new ArgumentOutOfRangeException(nameof(weights), "weights must be finite and non-negative");
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        var total = 0.0;
        foreach (var w in sorted) total += w;
        var cumulative = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            cumulative += sorted[i];
            if (2 * cumulative > total) return i + 1;
        }
        return 0;
    }
}
