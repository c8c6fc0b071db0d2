using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Distributions;

public class GammaFamilySamplerTests
{
    private const int N = 100_000;

    // Kolmogorov–Smirnov distance against MathNet's CDF (independent of the samplers); at
    // n = 10⁵ the 0.999 critical value is 1.95/√n ≈ 0.0062.
    private static void AssertFits(Func<Random, double> draw, Func<double, double> cdf, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var xs = new double[N];
        for (var i = 0; i < N; i++) xs[i] = draw(rng);
        Array.Sort(xs);
        double d = 0;
        for (var i = 0; i < N; i++)
        {
            var f = cdf(xs[i]);
            d = Math.Max(d, Math.Max(Math.Abs(f - (double)i / N), Math.Abs((i + 1.0) / N - f)));
        }
        Assert.True(d < 1.95 / Math.Sqrt(N), $"KS distance {d:F5}");
    }

    [Theory]
    [InlineData(8, 2)]   // the bench's data quality: Erlang path
    [InlineData(1, 1)]
    [InlineData(3, 14)]
    [InlineData(0.5, 0.5)] // MathNet path
    [InlineData(2.5, 3)]
    public void BetaDrawsFitTheBetaCdf(double a, double b) =>
        AssertFits(rng => GammaFamilySampler.Beta(rng, a, b), x => MathNet.Numerics.Distributions.Beta.CDF(a, b, x), (ulong)(a * 100 + b));

    [Theory]
    [InlineData(2, 5)]   // the bench's GPU hours: Erlang path
    [InlineData(1, 1.5)]
    [InlineData(16, 0.1)]
    [InlineData(20, 1.5)] // MathNet path
    [InlineData(0.4, 2)]
    public void GammaDrawsFitTheGammaCdf(double shape, double scale) =>
        AssertFits(rng => GammaFamilySampler.Gamma(rng, shape, scale), x => MathNet.Numerics.Distributions.Gamma.CDF(shape, 1 / scale, x),
            (ulong)(shape * 1000 + scale * 10));

    [Fact]
    public void AWrongShapeFailsTheFit()
    {
        // The KS check can fail: beta(7,2) draws do not fit beta(8,2).
        var rng = new Xoshiro256StarStar(4);
        var xs = Enumerable.Range(0, N).Select(_ => GammaFamilySampler.Beta(rng, 7, 2)).Order().ToArray();
        var d = xs.Select((x, i) => Math.Abs(MathNet.Numerics.Distributions.Beta.CDF(8, 2, x) - (double)i / N)).Max();
        Assert.True(d > 0.02, $"KS distance {d:F5}");
    }
}
