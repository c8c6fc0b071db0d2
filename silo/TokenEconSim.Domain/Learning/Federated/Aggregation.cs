using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>
/// Combines the trainers' updates into one, coordinate by coordinate, in the order given (agent-id
/// order at the barrier). FedAvg: Σ n_k Δ_k / Σ n_k (McMahan et al., "Communication-Efficient
/// Learning of Deep Networks from Decentralized Data", AISTATS 2017). Coordinate-wise median and
/// coordinate-wise β-trimmed mean (Yin et al., "Byzantine-Robust Distributed Learning: Towards
/// Optimal Statistical Rates", ICML 2018): per coordinate, sort the m values, take the median, or
/// drop the ⌊β·m⌋ smallest and largest and average the rest. The robust rules ignore sample counts.
/// </summary>
public static class Aggregation
{
    /// <summary>The aggregate of every update except the one at <paramref name="skip"/> (−1: none); zeros when none is left.</summary>
    public static double[] Aggregate(AggregationRule rule, double trimFraction, IReadOnlyList<double[]> updates, IReadOnlyList<long> samples,
        int parameters, int skip = -1)
    {
        var used = new List<int>(updates.Count);
        for (var i = 0; i < updates.Count; i++) if (i != skip) used.Add(i);
        var result = new double[parameters];
        if (used.Count == 0) return result;
        if (rule == AggregationRule.Fedavg) return FedAvg(updates, samples, used, result);
        var column = new double[used.Count];
        for (var k = 0; k < parameters; k++)
        {
            for (var j = 0; j < used.Count; j++) column[j] = updates[used[j]][k];
            Array.Sort(column);
            result[k] = rule == AggregationRule.Median ? Median(column) : TrimmedMean(column, trimFraction);
        }
        return result;
    }

    public static double[] FedAvg(IReadOnlyList<double[]> updates, IReadOnlyList<long> samples) =>
        FedAvg(updates, samples, [.. Enumerable.Range(0, updates.Count)], new double[updates.Count == 0 ? 0 : updates[0].Length]);

    private static double[] FedAvg(IReadOnlyList<double[]> updates, IReadOnlyList<long> samples, List<int> used, double[] result)
    {
        long total = 0;
        foreach (var i in used) total += samples[i];
        if (total == 0) return result;
        foreach (var i in used)
            for (var k = 0; k < result.Length; k++) result[k] += samples[i] * updates[i][k];
        for (var k = 0; k < result.Length; k++) result[k] /= total;
        return result;
    }

    /// <summary>The median of sorted values: the middle one, or the mean of the two middle ones.</summary>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        var m = sorted.Length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }

    /// <summary>The mean of sorted values without the ⌊β·m⌋ smallest and largest (at least one value is kept).</summary>
    public static double TrimmedMean(ReadOnlySpan<double> sorted, double beta)
    {
        var m = sorted.Length;
        var cut = Math.Min((int)Math.Floor(beta * m), (m - 1) / 2);
        var sum = 0.0;
        for (var j = cut; j < m - cut; j++) sum += sorted[j];
        return sum / (m - 2 * cut);
    }
}
