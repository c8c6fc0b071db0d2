using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Consensus;

public class WeightedChoiceTests
{
    // Chi-square goodness of fit of the pick frequencies to w / Σw. With 4 positive weights the
    // statistic has 3 degrees of freedom; 16.27 is its 0.999 quantile.
    [Fact]
    public void FrequenciesAreProportionalToWeights()
    {
        double[] weights = [1, 2, 0, 3, 4];
        var total = WeightedChoice.Total(weights);
        var rng = new Xoshiro256StarStar(Seeds.ForShared(5, 0, RngPurpose.ProposerSelection));
        const int n = 100_000;
        var counts = new int[weights.Length];
        for (var i = 0; i < n; i++) counts[WeightedChoice.Pick(weights, total, rng)]++;

        Assert.Equal(0, counts[2]); // a zero weight is never picked
        var chi2 = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0) continue;
            var expected = n * weights[i] / total;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        Assert.True(chi2 < 16.27, $"chi-square {chi2}, counts {string.Join(",", counts)}");
    }

    // The same test must reject a wrong rule: uniform picks over these weights would give a huge statistic.
    [Fact]
    public void TheChiSquareCheckWouldCatchUniformPicks()
    {
        double[] weights = [1, 2, 3, 4];
        const int n = 100_000;
        var chi2 = weights.Sum(w => { var e = n * w / 10; var c = n / 4.0; return (c - e) * (c - e) / e; });
        Assert.True(chi2 > 1_000);
    }

    [Fact]
    public void AllZeroOrEmptyWeightsPickNothing()
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Equal(-1, WeightedChoice.Pick([0.0, 0.0], 0, rng));
        Assert.Equal(-1, WeightedChoice.Pick([], 0, rng));
        Assert.Equal(-1, WeightedChoice.Pick([1.0], double.NaN, rng));
    }

    [Fact]
    public void ASingleWeightIsAlwaysPicked()
    {
        var rng = new Xoshiro256StarStar(1);
        for (var i = 0; i < 100; i++) Assert.Equal(3, WeightedChoice.Pick([0, 0, 0, 2.5, 0], 2.5, rng));
    }

    // If the caller's total exceeds the float sum (rounding), the target can land past every
    // cumulative weight; the last positive weight must take it, never a zero-weight index.
    [Fact]
    public void ATargetPastTheSumGoesToTheLastPositiveWeight()
    {
        var rng = new Xoshiro256StarStar(0);
        rng.Load([1, 0x4FC71C71C71C71C7UL, 3, 4], 0); // next NextDouble is 1 − 2⁻⁵³
        Assert.Equal(1, WeightedChoice.Pick([1.0, 1.0, 0.0], 3.0, rng));
    }

    [Fact]
    public void TotalSumsInIndexOrder()
    {
        Assert.Equal(10, WeightedChoice.Total([1, 2, 3, 4]));
        Assert.Equal(0, WeightedChoice.Total([]));
    }
}
