using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Distributions;

public class PoissonSamplerTests
{
    // Chi-square goodness of fit against the Poisson pmf (MathNet's, independent of the sampler),
    // cells with expected count < 5 pooled into the tails; 0.999 critical value, fixed seed.
    [Theory]
    [InlineData(0.7)]
    [InlineData(3)]
    [InlineData(9.99)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(2500)]
    public void DrawsFitThePoissonPmf(double lambda)
    {
        const int n = 200_000;
        var rng = new Xoshiro256StarStar((ulong)(lambda * 1000));
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < n; i++)
        {
            var k = PoissonSampler.Sample(rng, lambda);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        var (low, high) = (0L, (long)(lambda + 20 * Math.Sqrt(lambda) + 20));
        while (n * Poisson.CDF(lambda, low) < 5) low++;
        while (n * (1 - Poisson.CDF(lambda, high - 1)) < 5) high--;
        double chi = 0;
        var cells = 0;
        for (var k = low; k <= high; k++)
        {
            var p = k == low ? Poisson.CDF(lambda, low) : k == high ? 1 - Poisson.CDF(lambda, high - 1) : Poisson.PMF(lambda, (int)k);
            var observed = k == low ? counts.Where(c => c.Key <= low).Sum(c => c.Value)
                : k == high ? counts.Where(c => c.Key >= high).Sum(c => c.Value) : counts.GetValueOrDefault(k);
            chi += (observed - n * p) * (observed - n * p) / (n * p);
            cells++;
        }
        Assert.True(chi < ChiSquared.InvCDF(cells - 1, 0.999), $"chi² {chi:F1} over {cells} cells for λ = {lambda}");
    }

    [Fact]
    public void AWrongMeanFailsTheSameTest()
    {
        // The test above can fail: draws of λ = 101 do not fit λ = 100.
        const int n = 200_000;
        var rng = new Xoshiro256StarStar(1);
        var mean = Enumerable.Range(0, n).Average(_ => (double)PoissonSampler.Sample(rng, 101));
        Assert.True(Math.Abs(mean - 100) > 5 * Math.Sqrt(100.0 / n), $"mean {mean}");
    }

    [Fact]
    public void HugeMeansStayCentred()
    {
        var rng = new Xoshiro256StarStar(2);
        var mean = Enumerable.Range(0, 20_000).Average(_ => (double)PoissonSampler.Sample(rng, 1e9));
        Assert.InRange(mean, 1e9 - 5 * Math.Sqrt(1e9 / 20_000), 1e9 + 5 * Math.Sqrt(1e9 / 20_000));
    }
}
