using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Results.Tests.Sweeps;

public class PointStatisticsTests
{
    [Fact]
    public void FiveValuesGiveTheStudentTInterval()
    {
        var s = PointStatistics.Of([1, 2, 3, 4, 5]);

        Assert.Equal(5, s.N);
        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), s.Std, 12);
        // t(0.975, 4) = 2.776 (any Student t table, e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2).
        var half = 2.776 * Math.Sqrt(2.5) / Math.Sqrt(5);
        Assert.Equal(3 - half, s.Low, 3);
        Assert.Equal(3 + half, s.High, 3);
    }

    [Fact]
    public void TwoValuesUseTheWideTOfOneDegreeOfFreedom()
    {
        var s = PointStatistics.Of([0, 2]);
        // t(0.975, 1) = 12.706; s = √2; half-width = 12.706 · √2 / √2.
        Assert.Equal(1 - 12.706, s.Low, 3);
        Assert.Equal(1 + 12.706, s.High, 3);
    }

    [Fact]
    public void UndefinedValuesAreLeftOutAndOneValueHasNoSpread()
    {
        var s = PointStatistics.Of([double.NaN, 4]);
        Assert.Equal((1, 4.0), (s.N, s.Mean));
        Assert.True(double.IsNaN(s.Std) && double.IsNaN(s.Low) && double.IsNaN(s.High));
        Assert.Equal(0, PointStatistics.Of([double.NaN]).N);
    }
}
