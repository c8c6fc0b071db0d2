using System.Globalization;
using System.Numerics;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class CompactTargetTests
{
    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    // Vectors from Bitcoin Core, src/test/arith_uint256_tests.cpp, test case bignum_SetCompact:
    // (nBits in, GetHex of the decoded value, GetCompact(fNegative) back, fNegative).
    // None of these sets fOverflow.
    [Theory]
    [InlineData(0x00000000u, "0", 0x00000000u, false)]
    [InlineData(0x00123456u, "0", 0x00000000u, false)]
    [InlineData(0x01003456u, "0", 0x00000000u, false)]
    [InlineData(0x02000056u, "0", 0x00000000u, false)]
    [InlineData(0x03000000u, "0", 0x00000000u, false)]
    [InlineData(0x04000000u, "0", 0x00000000u, false)]
    [InlineData(0x00923456u, "0", 0x00000000u, false)]
    [InlineData(0x01803456u, "0", 0x00000000u, false)]
    [InlineData(0x02800056u, "0", 0x00000000u, false)]
    [InlineData(0x03800000u, "0", 0x00000000u, false)]
    [InlineData(0x04800000u, "0", 0x00000000u, false)]
    [InlineData(0x01123456u, "12", 0x01120000u, false)]
    [InlineData(0x01fedcbau, "7e", 0x01fe0000u, true)]
    [InlineData(0x02123456u, "1234", 0x02123400u, false)]
    [InlineData(0x03123456u, "123456", 0x03123456u, false)]
    [InlineData(0x04123456u, "12345600", 0x04123456u, false)]
    [InlineData(0x04923456u, "12345600", 0x04923456u, true)]
    [InlineData(0x05009234u, "92340000", 0x05009234u, false)]
    [InlineData(0x20123456u, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456u, false)]
    public void SetCompactAndGetCompactMatchBitcoinCore(uint bits, string hex, uint back, bool negative)
    {
        var d = CompactTarget.Decode(bits);
        Assert.Equal(Hex(hex), d.Target);
        Assert.Equal(negative, d.IsNegative);
        Assert.False(d.IsOverflow);
        Assert.Equal(back, CompactTarget.Encode(d.Target, d.IsNegative));
    }

    // Same file: 0xff123456 overflows (not negative).
    [Fact]
    public void HugeExponentOverflows()
    {
        var d = CompactTarget.Decode(0xff123456u);
        Assert.False(d.IsNegative);
        Assert.True(d.IsOverflow);
        Assert.Throws<ArgumentException>(() => CompactTarget.ToTarget(0xff123456u));
    }

    // Same file: "Make sure that we don't generate compacts with the 0x00800000 bit set": 0x80 → 0x02008000.
    [Fact]
    public void NeverEmitsTheSignBitForPositiveValues() => Assert.Equal(0x02008000u, CompactTarget.Encode(0x80));

    [Fact]
    public void DifficultyOneTargetIsFfffShiftedBy208()
    {
        Assert.Equal(new BigInteger(0xffff) << 208, CompactTarget.DifficultyOneTarget);
        Assert.Equal(1.0, CompactTarget.Difficulty(CompactTarget.DifficultyOneBits));
        Assert.Equal(1.0, CompactTarget.Difficulty(CompactTarget.DifficultyOneTarget));
    }

    // Bitcoin Core, src/test/blockchain_tests.cpp (TestDifficulty cases; Core compares within 1e-5).
    // Core's GetDifficulty reads the low 24 bits including the sign bit, and these nBits (0x…f8…)
    // have it set, so only the nBits route applies to them.
    [Theory]
    [InlineData(0x1f111111u, 0.000001)]
    [InlineData(0x1ef88f6fu, 0.000016)]
    [InlineData(0x1df88f6fu, 0.004023)]
    [InlineData(0x1cf88f6fu, 1.029916)]
    public void DifficultyMatchesBitcoinCoreGetDifficulty(uint bits, double expected)
    {
        Assert.True(Math.Abs(CompactTarget.Difficulty(bits) - expected) < 0.00001);
    }

    // For valid (positive) nBits the exact integer route agrees with Core's double route.
    [Theory]
    [InlineData(0x1d00ffffu)]
    [InlineData(0x1c05a3f4u)]
    [InlineData(0x1802aee8u)]
    [InlineData(0x207fffffu)]
    public void TargetRouteAgreesWithNBitsRoute(uint bits)
    {
        var viaTarget = CompactTarget.Difficulty(CompactTarget.ToTarget(bits));
        var viaBits = CompactTarget.Difficulty(bits);
        Assert.True(Math.Abs(viaTarget / viaBits - 1) < 1e-12, $"{viaTarget} vs {viaBits}");
    }

    [Fact]
    public void VeryHighTargetDifficultyMatchesBitcoinCore() =>
        Assert.Equal(5913134931067755359633408.0, CompactTarget.Difficulty(0x12345678u));

    // Round trip: any target that is already in canonical compact precision survives encode → decode,
    // and every canonical nBits survives decode → encode.
    [Fact]
    public void CanonicalValuesRoundTrip()
    {
        var rng = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var size = rng.Next(1, 33);
            // Canonical mantissa: sign bit clear, and a zero top byte only when the next byte is ≥ 0x80.
            var mantissa = (uint)rng.Next(0x8000, 0x800000);
            if (size < 3) mantissa &= 0xffff00u << (8 * (2 - size)) & 0x7fffffu;
            var bits = ((uint)size << 24) | mantissa;
            var target = CompactTarget.Decode(bits).Target;
            if (target.IsZero) continue;
            Assert.Equal(bits, CompactTarget.Encode(target));
            Assert.Equal(target, CompactTarget.Decode(CompactTarget.Encode(target)).Target);
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.25)]
    [InlineData(16.0)]
    [InlineData(1e-6)]
    public void TargetForDifficultyInvertsDifficulty(double difficulty)
    {
        var target = CompactTarget.TargetForDifficulty(difficulty);
        Assert.True(Math.Abs(CompactTarget.Difficulty(target) / difficulty - 1) < 1e-9);
    }
}
