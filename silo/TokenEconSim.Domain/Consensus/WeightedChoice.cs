namespace TokenEconSim.Domain.Consensus;

/// <summary>Picks index i with probability wᵢ / Σw, scanning in the given (agent-id) order.</summary>
public static class WeightedChoice
{
    /// <returns>The chosen index, or −1 when every weight is zero.</returns>
    public static int Pick(ReadOnlySpan<double> weights, double total, Random rng)
    {
        if (weights.Length == 0 || !(total > 0)) return -1;
        var target = rng.NextDouble() * total;
        var cumulative = 0.0;
        var lastPositive = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            cumulative += weights[i];
            lastPositive = i;
            if (target < cumulative) return i;
        }
        return lastPositive; // rounding left target ≥ the float sum: the last eligible weight takes it
    }

    /// <summary>Σw in index order (a fixed order, hence a fixed rounding).</summary>
    public static double Total(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        return total;
    }
}
