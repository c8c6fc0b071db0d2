using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Tokens;

public class UnitFractionTests
{
    [Theory]
    [InlineData(0.05, 1_000_000_000L, 50_000_000L)]
    [InlineData(0.05, 999L, 49L)]             // 49.95 rounds down
    [InlineData(1.0 / 3, 100L, 33L)]          // 333 333 ppm: 33.3333 → 33
    [InlineData(1.0, 7L, 7L)]
    [InlineData(0.0, 7L, 0L)]
    public void OfRoundsDown(double fraction, long units, long expected) =>
        Assert.Equal(expected, UnitFraction.FromDouble(fraction).Of(units));

    [Fact]
    public void LargeAmountsDoNotOverflow() =>
        Assert.Equal(long.MaxValue / 2, new UnitFraction(500_000).Of(long.MaxValue - 1));

    [Fact]
    public void OutOfRangeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitFraction.FromDouble(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitFraction.FromDouble(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitFraction(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitFraction(1).Of(-5));
    }
}
