using MathNet.Numerics.Distributions;

namespace TokenEconSim.Results.Sweeps;

/// <summary>
/// A metric over one point's seeds: mean, sample standard deviation (n − 1) and the 95 % confidence
/// interval of the mean, mean ± t(0.975, n − 1)·s/√n (Student t: the seeds are few and σ is
/// estimated). Undefined values (NaN) are left out; with n &lt; 2 the spread is undefined (NaN).
/// </summary>
public readonly record struct PointStatistics(int N, double Mean, double Std, double Low, double High)
{
    public static PointStatistics Of(IEnumerable<double> values)
    {
        var xs = values.Where(double.IsFinite).ToArray();
        var n = xs.Length;
        if (n == 0) return new(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var mean = xs.Average();
        if (n == 1) return new(1, mean, double.NaN, double.NaN, double.NaN);
        var std = Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * std / Math.Sqrt(n);
        return new(n, mean, std, mean - half, mean + half);
    }
}
