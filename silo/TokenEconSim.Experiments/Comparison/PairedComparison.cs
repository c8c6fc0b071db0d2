using MathNet.Numerics.Distributions;

namespace TokenEconSim.Experiments.Comparison;

/// <summary>
/// One metric of two scenarios run on the same seeds: the means, their difference (B − A), and its 95 % interval two ways:
/// paired by seed, and as if the runs were independent (Welch), so the gain from common random numbers shows as their width ratio.
/// </summary>
public sealed record MetricComparison(string Metric, int Pairs, double MeanA, double MeanB, double Difference,
    double PairedLow, double PairedHigh, double UnpairedLow, double UnpairedHigh)
{
    /// <summary>The paired interval's width over the unpaired one's: below 1 when pairing by seed narrows it.</summary>
    public double WidthRatio => (PairedHigh - PairedLow) / (UnpairedHigh - UnpairedLow);
}

/// <summary>
/// Common random numbers (Law, "Simulation Modeling and Analysis", §11.2): runs of A and B on the same seed share their draws, so
/// the difference's variance Var(A) + Var(B) − 2 Cov(A, B) is smaller than Var(A) + Var(B) when the runs correlate.
/// Paired: the differences d_s = B_s − A_s, mean ± t(0.975, n − 1)·s_d/√n (Student's t). Unpaired: Welch's interval,
/// (B̄ − Ā) ± t(0.975, ν)·√(s_A²/n + s_B²/n) with ν from Welch–Satterthwaite (Welch 1947).
/// A seed whose value is undefined (NaN) on either side is left out of both intervals.
/// </summary>
public static class PairedComparison
{
    public static MetricComparison Of(string metric, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"{metric}: {a.Count} values of A against {b.Count} of B; pairs need one seed each");
        var pairs = a.Zip(b).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        var n = pairs.Length;
        if (n == 0) return new(metric, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double meanA = pairs.Average(p => p.First), meanB = pairs.Average(p => p.Second), difference = meanB - meanA;
        if (n < 2) return new(metric, n, meanA, meanB, difference, double.NaN, double.NaN, double.NaN, double.NaN);

        var paired = StudentT.InvCDF(0, 1, n - 1, 0.975) * Math.Sqrt(Variance(pairs.Select(p => p.Second - p.First), difference) / n);
        double va = Variance(pairs.Select(p => p.First), meanA) / n, vb = Variance(pairs.Select(p => p.Second), meanB) / n;
        var se = Math.Sqrt(va + vb);
        var degrees = se == 0 ? n - 1 : Math.Pow(va + vb, 2) / (va * va / (n - 1) + vb * vb / (n - 1));
        var unpaired = se == 0 ? 0 : StudentT.InvCDF(0, 1, degrees, 0.975) * se;
        return new(metric, n, meanA, meanB, difference, difference - paired, difference + paired, difference - unpaired, difference + unpaired);
    }

    /// <summary>Sample variance (n − 1) around <paramref name="mean"/>.</summary>
    private static double Variance(IEnumerable<double> xs, double mean)
    {
        var values = xs.ToArray();
        return values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1);
    }
}
