using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Randomness;

public class PolarNormalTests
{
    // The federated batches' features must stay the doubles MathNet drew: same stream, same bits, same uniforms consumed.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.0, 0.5)]
    [InlineData(-3.25, 0.0)]
    [InlineData(1e6, 1e-3)]
    public void DrawsExactlyMathNetsNormalsFromTheSameStream(double mean, double sd)
    {
        var (ours, theirs) = (new Xoshiro256StarStar(7), new Xoshiro256StarStar(7));
        for (var i = 0; i < 200_000; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(Normal.Sample(theirs, mean, sd)),
                BitConverter.DoubleToInt64Bits(PolarNormal.Sample(ours, mean, sd)));
        Assert.Equal(theirs.NextUInt64(), ours.NextUInt64());
    }

    // The polar method's output is N(mean, sd²): sample moments of 10⁵ draws within 5 standard errors.
    [Fact]
    public void HasTheNormalsMeanAndVariance()
    {
        var rng = new Xoshiro256StarStar(3);
        const int n = 100_000;
        var xs = Enumerable.Range(0, n).Select(_ => PolarNormal.Sample(rng, 2, 3)).ToArray();
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        Assert.InRange(mean, 2 - 5 * 3 / Math.Sqrt(n), 2 + 5 * 3 / Math.Sqrt(n));
        Assert.InRange(variance, 9 * (1 - 5 * Math.Sqrt(2.0 / n)), 9 * (1 + 5 * Math.Sqrt(2.0 / n)));
    }
}
