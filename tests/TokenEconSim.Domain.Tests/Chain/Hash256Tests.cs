using System.Numerics;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

public class Hash256Tests
{
    private const string GenesisHash = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

    [Fact]
    public void DisplayFormRoundTrips()
    {
        Assert.Equal(GenesisHash, Hash256.Parse(GenesisHash).ToString());
    }

    [Fact]
    public void InternalBytesAreTheDisplayReversed()
    {
        Span<byte> bytes = stackalloc byte[Hash256.Size];
        Hash256.Parse(GenesisHash).WriteTo(bytes);
        Assert.Equal(0x6f, bytes[0]);
        Assert.Equal(0x00, bytes[31]);
    }

    // Core's UintToArith256: the display hex is the integer in big-endian hex.
    [Fact]
    public void NumericValueIsTheDisplayHex()
    {
        var h = Hash256.Parse(GenesisHash);
        Assert.Equal(BigInteger.Parse("0" + GenesisHash, System.Globalization.NumberStyles.HexNumber), h.ToBigInteger());
        Assert.Equal(h, Hash256.FromBigInteger(h.ToBigInteger()));
    }

    [Fact]
    public void OrderIsNumeric()
    {
        var small = Hash256.FromBigInteger(BigInteger.One << 200);
        var large = Hash256.FromBigInteger((BigInteger.One << 200) + 1);
        var top = Hash256.FromBigInteger(BigInteger.One << 255);
        Assert.True(small < large);
        Assert.True(large < top);
        Assert.True(top > small);
        Assert.Equal(0, small.CompareTo(Hash256.FromBigInteger(BigInteger.One << 200)));
    }

    [Fact]
    public void RejectsValuesOutsideTheRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hash256.FromBigInteger(BigInteger.One << 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hash256.FromBigInteger(BigInteger.MinusOne));
        Assert.Throws<FormatException>(() => Hash256.Parse("00"));
    }
}
