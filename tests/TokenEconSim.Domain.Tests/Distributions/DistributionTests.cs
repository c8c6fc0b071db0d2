using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Distributions;

public class DistributionTests
{
    private const int N = 200_000;
    private const double Z = 4.5; // standard errors allowed; a wrong parametrisation misses by hundreds

    /// <summary>Analytic variance, written out independently of the code under test.</summary>
    private static double Variance(Distribution d) => d.Kind switch
    {
        DistributionKind.Const => 0,
        DistributionKind.Uniform => (d.B - d.A) * (d.B - d.A) / 12,
        DistributionKind.Poisson => d.A,
        DistributionKind.Beta => d.A * d.B / ((d.A + d.B) * (d.A + d.B) * (d.A + d.B + 1)),
        DistributionKind.Gamma => d.A * d.B * d.B,
        DistributionKind.LogNormal => (Math.Exp(d.B * d.B) - 1) * Math.Exp(2 * d.A + d.B * d.B),
        DistributionKind.Exp => d.A * d.A,
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    // The analytic mean, also written out here (numpy conventions: gamma scale, exp mean, lognormal of the normal).
    [Theory]
    [InlineData("const(3.5)", 3.5)]
    [InlineData("uniform(2,5)", 3.5)]
    [InlineData("poisson(100)", 100)]
    [InlineData("poisson(0.7)", 0.7)]
    [InlineData("beta(8,2)", 0.8)]
    [InlineData("gamma(2,5)", 10)]
    [InlineData("gamma(0.5,3)", 1.5)]
    [InlineData("lognormal(0,1)", 1.6487212707001282)]
    [InlineData("lognormal(3,0.5)", 22.7598950935267)]
    [InlineData("exp(1.5)", 1.5)]
    public void SampleMeanMatchesTheAnalyticMean(string notation, double mean)
    {
        var d = Distribution.Parse(notation);
        Assert.Equal(mean, d.Mean, 9);

        var rng = new Xoshiro256StarStar(Seeds.ForAgent(2024, notation.Length));
        var sum = 0.0;
        for (var i = 0; i < N; i++) sum += d.Sample(rng);
        var sampleMean = sum / N;
        var tolerance = Z * Math.Sqrt(Variance(d) / N);
        Assert.True(Math.Abs(sampleMean - mean) <= tolerance,
            $"{notation}: sample mean {sampleMean}, analytic {mean}, tolerance {tolerance}");
    }

    // The variance pins the second parameter where the mean alone might not (e.g. gamma's scale vs a
    // swapped shape). The standard error of s² is sqrt((μ₄ − σ⁴)/n) = σ²·sqrt((2 + excess kurtosis)/n).
    [Theory]
    [InlineData("uniform(2,5)", -1.2)]
    [InlineData("poisson(100)", 0.01)]
    [InlineData("gamma(2,5)", 3.0)]
    [InlineData("exp(1.5)", 6.0)]
    public void SampleVarianceMatchesTheAnalyticVariance(string notation, double excessKurtosis)
    {
        var d = Distribution.Parse(notation);
        var rng = new Xoshiro256StarStar(Seeds.ForAgent(99, notation.Length));
        var xs = new double[N];
        for (var i = 0; i < N; i++) xs[i] = d.Sample(rng);
        var mean = xs.Average();
        var s2 = xs.Sum(x => (x - mean) * (x - mean)) / (N - 1);
        var sigma2 = Variance(d);
        var tolerance = Z * sigma2 * Math.Sqrt((2 + excessKurtosis) / N);
        Assert.True(Math.Abs(s2 - sigma2) <= tolerance, $"{notation}: sample variance {s2}, analytic {sigma2}, tolerance {tolerance}");
    }

    [Theory]
    [InlineData("uniform(2,5)", 2, 5)]
    [InlineData("beta(8,2)", 0, 1)]
    [InlineData("beta(0.5,0.5)", 0, 1)]
    [InlineData("poisson(3)", 0, double.MaxValue)]
    [InlineData("gamma(0.3,2)", 0, double.MaxValue)]
    [InlineData("lognormal(-2,2)", 0, double.MaxValue)]
    [InlineData("exp(0.1)", 0, double.MaxValue)]
    public void SamplesStayInTheSupport(string notation, double low, double high)
    {
        var d = Distribution.Parse(notation);
        var rng = new Xoshiro256StarStar(1);
        for (var i = 0; i < 20_000; i++)
        {
            var x = d.Sample(rng);
            Assert.InRange(x, low, high);
            if (d.Kind == DistributionKind.Poisson) Assert.Equal(Math.Floor(x), x);
        }
    }

    [Fact]
    public void UniformExcludesItsUpperBound()
    {
        var d = Distribution.Parse("uniform(0,1)");
        var rng = new Xoshiro256StarStar(0);
        rng.Load([1, 0x4FC71C71C71C71C7UL, 3, 4], 0); // next output all ones: the largest NextDouble
        Assert.True(d.Sample(rng) < 1);
    }

    [Fact]
    public void SamplingDrawsOnlyFromTheGivenGenerator()
    {
        foreach (var notation in new[] { "uniform(0,2)", "poisson(40)", "beta(2,3)", "gamma(2,5)", "lognormal(0,1)", "exp(2)" })
        {
            var d = Distribution.Parse(notation);
            var a = new Xoshiro256StarStar(5);
            var b = new Xoshiro256StarStar(5);
            var xs = Enumerable.Range(0, 100).Select(_ => d.Sample(a)).ToArray();
            var ys = Enumerable.Range(0, 100).Select(_ => d.Sample(b)).ToArray();
            Assert.Equal(xs, ys);
            Assert.True(xs.Distinct().Count() > 10, notation);
        }
    }

    [Fact]
    public void ConstDrawsNothing()
    {
        var rng = new Xoshiro256StarStar(5);
        var witness = new Xoshiro256StarStar(5);
        Assert.Equal(7.25, Distribution.Parse("const(7.25)").Sample(rng));
        Assert.Equal(witness.NextUInt64(), rng.NextUInt64());
    }

    [Theory]
    [InlineData("const(3)")]
    [InlineData("const(-2.5)")]
    [InlineData("uniform(0,1)")]
    [InlineData("uniform(-1.5,2.25)")]
    [InlineData("poisson(100)")]
    [InlineData("beta(8,2)")]
    [InlineData("gamma(2,5)")]
    [InlineData("lognormal(0,1)")]
    [InlineData("lognormal(-3.5,0.25)")]
    [InlineData("exp(1.5)")]
    [InlineData("exp(1E-05)")]
    [InlineData("gamma(0.1,0.30000000000000004)")]
    public void NotationRoundTrips(string notation)
    {
        var d = Distribution.Parse(notation);
        Assert.Equal(notation, d.ToString());
        Assert.Equal(d, Distribution.Parse(d.ToString()));
    }

    [Theory]
    [InlineData(" Gamma( 2 , 5 ) ", DistributionKind.Gamma, 2, 5)]
    [InlineData("POISSON(1e2)", DistributionKind.Poisson, 100, 0)]
    [InlineData("exp(.5)", DistributionKind.Exp, 0.5, 0)]
    public void ParsingIsLenientAboutCaseAndSpaces(string text, DistributionKind kind, double a, double b)
    {
        Assert.True(Distribution.TryParse(text, out var d, out var error), error);
        Assert.Equal(new Distribution(kind, a, b), d);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("poisson", "not a distribution")]
    [InlineData("100", "not a distribution")]
    [InlineData("(5)", "not a distribution")]
    [InlineData("poisson(5", "not a distribution")]
    [InlineData("normal(0,1)", "unknown distribution 'normal'")]
    [InlineData("poisson(1,2)", "poisson takes 1 argument")]
    [InlineData("gamma(2)", "gamma takes 2 arguments")]
    [InlineData("beta(,2)", "beta takes 2 arguments")]
    [InlineData("const()", "const takes 1 argument")]
    [InlineData("poisson(ten)", "'ten' of poisson is not a finite number")]
    [InlineData("exp(NaN)", "not a finite number")]
    [InlineData("exp(1e400)", "not a finite number")]
    [InlineData("uniform(2,2)", "uniform(a,b) needs a < b")]
    [InlineData("uniform(3,1)", "needs a < b")]
    [InlineData("poisson(0)", "poisson(λ) needs λ > 0")]
    [InlineData("poisson(-1)", "needs λ > 0")]
    [InlineData("beta(0,2)", "beta(a,b) needs a > 0 and b > 0")]
    [InlineData("beta(2,-1)", "needs a > 0 and b > 0")]
    [InlineData("gamma(0,5)", "needs shape > 0 and scale > 0")]
    [InlineData("gamma(2,0)", "needs shape > 0 and scale > 0")]
    [InlineData("lognormal(0,0)", "lognormal(μ,σ) needs σ > 0")]
    [InlineData("lognormal(0,-1)", "needs σ > 0")]
    [InlineData("exp(0)", "exp(mean) needs mean > 0")]
    public void BadNotationIsRejectedWithAReason(string text, string reasonContains)
    {
        Assert.False(Distribution.TryParse(text, out var d, out var error));
        Assert.Equal(default, d);
        Assert.Contains(reasonContains, error);
        var ex = Assert.Throws<FormatException>(() => Distribution.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void ErrorForAMalformedValueListsTheKnownNames()
    {
        Distribution.TryParse("gauss(1)", out _, out var error);
        foreach (var name in Distribution.Names) Assert.Contains(name, error);
    }

    [Fact]
    public void CheckParametersAcceptsValidOnes()
    {
        foreach (var notation in new[] { "const(-4)", "uniform(-1,0)", "poisson(1e-3)", "beta(0.1,0.1)", "gamma(1,1)",
            "lognormal(-10,3)", "exp(1e6)" })
            Assert.Null(Distribution.Parse(notation).CheckParameters());
    }

    [Theory]
    [InlineData("const(0)", true, true)]
    [InlineData("const(1)", true, true)]
    [InlineData("const(1.5)", true, false)]
    [InlineData("const(-0.1)", false, false)]
    [InlineData("uniform(0,1)", true, true)]
    [InlineData("uniform(0.2,0.9)", true, true)]
    [InlineData("uniform(0,2)", true, false)]
    [InlineData("uniform(-1,1)", false, false)]
    [InlineData("beta(8,2)", true, true)]
    [InlineData("poisson(3)", true, false)]
    [InlineData("gamma(2,5)", true, false)]
    [InlineData("lognormal(-5,1)", true, false)]
    [InlineData("exp(2)", true, false)]
    public void SampleDomains(string notation, bool nonNegative, bool unitInterval)
    {
        var d = Distribution.Parse(notation);
        Assert.Equal(nonNegative, d.IsNonNegative);
        Assert.Equal(unitInterval, d.IsUnitInterval);
    }

    // The closed-form sum must have the loop's distribution: compare the first two moments and a
    // few points of the empirical CDF of SampleSum against k separate draws (both seeded, independent streams).
    [Theory]
    [InlineData("exp(1.5)", 20)]
    [InlineData("exp(1.5)", 1)]
    [InlineData("gamma(2,5)", 7)]
    [InlineData("poisson(3)", 9)]
    [InlineData("const(2)", 5)]
    [InlineData("uniform(-1,1)", 6)]
    [InlineData("beta(8,2)", 4)]
    public void SampleSumHasTheDistributionOfTheLoop(string notation, long k)
    {
        var d = Distribution.Parse(notation);
        var closed = new double[N / 4];
        var loop = new double[N / 4];
        var a = new Xoshiro256StarStar(11);
        var b = new Xoshiro256StarStar(12);
        for (var i = 0; i < closed.Length; i++)
        {
            closed[i] = d.SampleSum(a, k);
            for (var c = 0; c < k; c++) loop[i] += Math.Max(0, d.Sample(b));
        }
        Array.Sort(closed);
        Array.Sort(loop);
        var mean = loop.Average();
        var sd = Math.Sqrt(loop.Select(x => (x - mean) * (x - mean)).Average());
        Assert.InRange(closed.Average(), mean - Z * sd / Math.Sqrt(closed.Length) * 1.5, mean + Z * sd / Math.Sqrt(closed.Length) * 1.5);
        // Empirical CDFs compared at the loop's deciles (a quantile of a discrete law can jump).
        foreach (var q in (double[])[0.1, 0.5, 0.9])
        {
            var x = loop[(int)(q * loop.Length)];
            var closedBelow = (double)closed.Count(v => v <= x) / closed.Length;
            var loopBelow = (double)loop.Count(v => v <= x) / loop.Length;
            Assert.InRange(closedBelow, loopBelow - 0.015, loopBelow + 0.015);
        }
    }

    [Fact]
    public void SampleSumOfNoDrawsIsZeroAndSpendsNothing()
    {
        var rng = new Xoshiro256StarStar(3);
        Assert.Equal(0, Distribution.Parse("exp(1.5)").SampleSum(rng, 0));
        Assert.Equal(new Xoshiro256StarStar(3).NextUInt64(), rng.NextUInt64());
    }
}
