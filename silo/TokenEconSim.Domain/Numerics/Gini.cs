namespace TokenEconSim.Domain.Numerics;

/// <summary>
/// Gini coefficient of non-negative amounts: G = Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σx) over the ascending
/// order statistics x₍₁₎ ≤ … ≤ x₍ₙ₎ (i from 1), the standard closed form of the mean absolute
/// difference divided by twice the mean (e.g. Damgaard and Weiner, "Describing inequality in plant
/// size or fecundity", Ecology 81, 2000). 0 for perfect equality, (n−1)/n when one holds all.
/// </summary>
public static class Gini
{
    /// <summary>Sorts <paramref name="amounts"/> in place and returns its Gini; exact integer sums, so deterministic.</summary>
    public static double OfInPlace(long[] amounts) => OfInPlace(amounts.AsSpan());

    public static double OfInPlace(Span<long> amounts)
    {
        amounts.Sort();
        return OfSorted(amounts);
    }

    /// <summary>Gini of amounts already in ascending order.</summary>
    public static double OfSorted(ReadOnlySpan<long> amounts) => OfSorted(amounts, out _);

    /// <summary>Gini of amounts already in ascending order, and their exact total (summed on the way).</summary>
    public static double OfSorted(ReadOnlySpan<long> amounts, out Int128 total)
    {
        total = 0;
        var n = amounts.Length;
        if (n == 0) return 0;
        if (amounts[0] < 0) throw new ArgumentOutOfRangeException(nameof(amounts), "Gini needs non-negative amounts");
        Int128 weighted = 0;
        for (var i = 0; i < n; i++)
        {
            total += amounts[i];
            weighted += (Int128)(2L * (i + 1) - n - 1) * amounts[i];
        }
        return total == 0 ? 0 : (double)weighted / ((double)n * (double)total);
    }

    /// <summary>Gini of doubles (copies, sorts).</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var n = sorted.Length;
        if (n == 0) return 0;
        if (sorted[0] < 0) throw new ArgumentOutOfRangeException(nameof(values), "Gini needs non-negative values");
        double total = 0, weighted = 0;
        for (var i = 0; i < n; i++)
        {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }
}
