using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Tokens;

public class TokenUnitsTests
{
    [Theory]
    [InlineData(1.0, 100_000_000L)]
    [InlineData(0.5, 50_000_000L)]
    [InlineData(0.01, 1_000_000L)]
    [InlineData(100.0, 10_000_000_000L)]
    [InlineData(0.0, 0L)]
    [InlineData(1e-9, 0L)]            // below one base unit: rounds down to nothing
    [InlineData(0.123456789, 12_345_678L)] // the ninth decimal is cut, not rounded
    public void FromTokensRoundsDownToBaseUnits(double tokens, long units) =>
        Assert.Equal(units, TokenUnits.FromTokens(tokens));

    // An amount that is a whole number of base units must convert to exactly that number. The
    // nearest double to 0.29 is 0.28999999999999998…, and 0.29 × 10⁸ evaluates to 28999999.999999996,
    // so a plain floor loses one unit: a scenario writing fee_per_call: 0.29 would charge 0.28999999.
    // 74 of the 999 two-decimal amounts 0.01 … 9.99 are affected this way.
    [Theory]
    [InlineData(0.29, 29_000_000L)]
    [InlineData(0.57, 57_000_000L)]
    [InlineData(1.13, 113_000_000L)]
    [InlineData(2.01, 201_000_000L)]
    [InlineData(3e-8, 3L)]
    public void FromTokensIsExactForAmountsWrittenInWholeBaseUnits(double tokens, long units) =>
        Assert.Equal(units, TokenUnits.FromTokens(tokens));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromTokensRefusesNonFiniteAmounts(double tokens) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenUnits.FromTokens(tokens));

    [Fact]
    public void ToTokensIsTheInverseScale()
    {
        Assert.Equal(1.5, TokenUnits.ToTokens(150_000_000));
        Assert.Equal(1e-8, TokenUnits.ToTokens(1));
    }

    [Theory]
    [InlineData(100_000_000L, "1.00000000")]
    [InlineData(0L, "0.00000000")]
    [InlineData(1L, "0.00000001")]
    [InlineData(123_456_789_012L, "1234.56789012")]
    [InlineData(-5L, "-0.00000005")]
    [InlineData(-250_000_000L, "-2.50000000")]
    [InlineData(long.MaxValue, "92233720368.54775807")]
    [InlineData(long.MinValue, "-92233720368.54775808")]
    public void FormatIsExactDecimalText(long units, string text) =>
        Assert.Equal(text, TokenUnits.Format(units));
}
