using TokenEconSim.Experiments.Comparison;

namespace TokenEconSim.Experiments.Tests.Comparison;

public sealed class PairedComparisonTests
{
    private static readonly double[] A = [10.2, 11.5, 9.8, 12.1, 10.9, 11.0];
    private static readonly double[] B = [10.9, 12.0, 10.1, 13.0, 11.2, 11.9];

    [Fact]
    public void IntervalsAreThoseScipyGivesForThePairedAndWelchTTests()
    {
        // scipy 1.10: d = B − A; d̄ ± stats.t.ppf(0.975, 5)·s_d/√6, and Welch's (B̄ − Ā) ± stats.t.ppf(0.975, ν)·se with ν = 9.6798.
        var c = PairedComparison.Of("x", A, B);

        Assert.Equal(6, c.Pairs);
        Assert.Equal(0.6, c.Difference, 12);
        Assert.Equal(0.3106905594397362, c.PairedLow, 8);
        Assert.Equal(0.8893094405602637, c.PairedHigh, 8);
        Assert.Equal(-0.5967183857825272, c.UnpairedLow, 8);
        Assert.Equal(1.796718385782527, c.UnpairedHigh, 8);
        Assert.True(c.WidthRatio < 0.3, $"pairing correlated runs narrows the interval: {c.WidthRatio}");
    }

    [Fact]
    public void IndependentNoiseGainsNothingFromPairing()
    {
        var rng = new Random(3);
        var a = Enumerable.Range(0, 400).Select(_ => rng.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 400).Select(_ => rng.NextDouble() + 0.1).ToArray();

        var c = PairedComparison.Of("x", a, b);

        Assert.InRange(c.WidthRatio, 0.85, 1.15);
        Assert.True(c.PairedLow < 0.1 && 0.1 < c.PairedHigh);
    }

    [Fact]
    public void UndefinedSeedsAreLeftOutOfBothSidesAndTooFewPairsHaveNoInterval()
    {
        var c = PairedComparison.Of("x", [1, double.NaN, 3, 4], [2, 5, double.NaN, 6]);
        Assert.Equal((2, 2.5, 4.0), (c.Pairs, c.MeanA, c.MeanB));

        var one = PairedComparison.Of("x", [1, double.NaN], [2, 3]);
        Assert.Equal(1, one.Pairs);
        Assert.True(double.IsNaN(one.PairedLow) && double.IsNaN(one.UnpairedHigh));
        Assert.Throws<ArgumentException>(() => PairedComparison.Of("x", [1, 2], [1]));
    }

    [Fact]
    public void IdenticalRunsHaveAZeroWidthInterval()
    {
        var c = PairedComparison.Of("x", A, A);

        Assert.Equal((0.0, 0.0, 0.0), (c.Difference, c.PairedLow, c.PairedHigh));
    }
}
