namespace TokenEconSim.Domain.Consensus;

/// <summary>Seconds between consecutive blocks of an epoch (the first measured from the previous block) and their statistics.</summary>
public static class BlockIntervals
{
    public static double[] Of(IReadOnlyList<ProducedBlock> blocks, double previousBlockTime)
    {
        var intervals = new double[blocks.Count];
        var last = previousBlockTime;
        for (var i = 0; i < blocks.Count; i++)
        {
            intervals[i] = blocks[i].Time - last;
            last = blocks[i].Time;
        }
        return intervals;
    }

    /// <summary>Sample standard deviation (n − 1); NaN with fewer than two intervals.</summary>
    public static double StandardDeviation(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return double.NaN;
        var mean = xs.Average();
        var squares = 0.0;
        foreach (var x in xs) squares += (x - mean) * (x - mean);
        return Math.Sqrt(squares / (xs.Count - 1));
    }

    /// <summary>Nearest-rank percentile: the ⌈p·n⌉-th smallest; NaN with none.</summary>
    public static double Percentile(IReadOnlyList<double> xs, double p)
    {
        if (xs.Count == 0) return double.NaN;
        var sorted = xs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
