using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>A batch's measured quality scores, each in [0, 1], and q = w_c·c + w_d·d + w_s·s.</summary>
public readonly record struct BatchScores(double Completeness, double Diversity, double Scarcity)
{
    public double Quality(QualityWeightsSection w) =>
        Math.Clamp(w.Completeness * Completeness + w.Diversity * Diversity + w.Scarcity * Scarcity, 0, 1);
}

/// <summary>
/// Measures a batch from its records alone (docs/model.md, "Batch quality"): completeness is the
/// fraction of feature values present; diversity the normalised entropy of the batch's samples
/// over the task's regions, H(p)/ln K; scarcity the batch-weighted rarity Σ_k p_k·(1 − P_k / max_j P_j)
/// of its regions in the reference shares P (last epoch's data; uniform before any data, which
/// makes every region equally common and scarcity 0).
/// </summary>
public static class BatchQuality
{
    /// <summary>Scores the batch and adds its per-region sample counts to <paramref name="regionCounts"/>.</summary>
    public static BatchScores Measure(LogisticTask task, ReadOnlySpan<double> features, int records, ReadOnlySpan<double> referenceShares,
        Span<int> histogram, Span<long> regionCounts)
    {
        if (records == 0) return default;
        var d = task.Dimensions;
        histogram.Clear();
        long present = 0;
        for (var i = 0; i < records; i++)
        {
            var x = features.Slice(i * d, d);
            foreach (var v in x) if (!double.IsNaN(v)) present++;
            histogram[task.RegionOf(x)]++;
        }
        for (var k = 0; k < task.Regions; k++) regionCounts[k] += histogram[k];
        var completeness = present / (double)((long)records * d);
        return new BatchScores(completeness, Diversity(histogram, records), Scarcity(histogram, records, referenceShares));
    }

    /// <summary>Shannon entropy of the region shares over ln K (1: spread evenly over all K regions; 0: one region).</summary>
    public static double Diversity(ReadOnlySpan<int> histogram, int records)
    {
        if (histogram.Length < 2 || records == 0) return 0;
        var h = 0.0;
        foreach (var c in histogram)
        {
            if (c == 0) continue;
            var p = c / (double)records;
            h -= p * Math.Log(p);
        }
        return Math.Clamp(h / Math.Log(histogram.Length), 0, 1);
    }

    /// <summary>Σ_k p_k·(1 − P_k / max P): 0 when all samples lie in the most common region, 1 when all lie where there was no data.</summary>
    public static double Scarcity(ReadOnlySpan<int> histogram, int records, ReadOnlySpan<double> referenceShares)
    {
        if (records == 0) return 0;
        var max = 0.0;
        foreach (var p in referenceShares) max = Math.Max(max, p);
        if (max <= 0) return 0;
        var s = 0.0;
        for (var k = 0; k < histogram.Length; k++)
            s += histogram[k] / (double)records * (1 - referenceShares[k] / max);
        return Math.Clamp(s, 0, 1);
    }

    /// <summary>Region shares of a count vector; uniform when there are no samples.</summary>
    public static double[] Shares(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        var shares = new double[counts.Length];
        for (var k = 0; k < counts.Length; k++) shares[k] = total == 0 ? 1.0 / counts.Length : counts[k] / (double)total;
        return shares;
    }
}
