using System.Globalization;
using System.Numerics;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

/// <summary>
/// Rows of Bitcoin ABC's calculate_asert_test (mainnet: spacing 600 s, half-life 2 days, powLimit (1 &lt;&lt; 224) − 1),
/// through the target-taking form. ABC passes timeDiff measured from the anchor's parent, one spacing (600 s) before it.
/// </summary>
public class AsertFullPrecisionTests
{
    private static readonly BigInteger PowLimit = (BigInteger.One << 224) - 1;
    private const long ParentTimeDiff = 600;

    // (anchor as a shift of powLimit or a literal, time diff, height diff, expected target, expected nBits)
    public static TheoryData<string, long, long, string, uint> Rows() => new()
    {
        { "powLimit", 0, 2 * 144, "powLimit>>1", 0x1c7fffff },
        { "powLimit", 0, 4 * 144, "powLimit>>2", 0x1c3fffff },
        { "powLimit>>1", 0, 2 * 144, "powLimit>>2", 0x1c3fffff },
        { "powLimit>>3", 0, 2 * 144, "powLimit>>4", 0x1c0fffff },
        { "powLimit", 0, 2 * (256 - 34) * 144, "3", 0x01030000 },
        { "powLimit", 0, 2 * (256 - 34) * 144 + 120, "2", 0x01020000 },
        { "powLimit", 0, 2 * (256 - 33) * 144, "1", 0x01010000 },
        { "1", 0, 2 * (256 - 32) * 144, "1", 0x01010000 },
        { "powLimit", 2 * (512 - 32) * 144, 0, "powLimit", 0x1d00ffff },
        { "1", 600L * 2 * 256 * 144, 0, "powLimit", 0x1d00ffff },
        { "1", 600L * 2 * 224 * 144 - 1, 0, "0xffff8<<204", 0x1d00ffff },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ReproducesAbcCalculateAsertRows(string anchor, long timeDiff, long heightDiff, string expected, uint expectedBits)
    {
        var next = Aserti3_2d.NextTargetFromDeltas(heightDiff, ParentTimeDiff + timeDiff, Target(anchor), PowLimit, AsertParams.Mainnet);
        Assert.Equal(Target(expected), next);
        Assert.Equal(expectedBits, CompactTarget.Encode(next));
    }

    // ABC's SINGLE_300_TARGET: one block 300 s early from powLimit, a target with bits below the compact form's 24.
    [Fact]
    public void OneBlockHalfASpacingLateFromPowLimit()
    {
        var next = Aserti3_2d.NextTargetFromDeltas(1, ParentTimeDiff + 300, PowLimit, PowLimit, AsertParams.Mainnet);
        var single300 = BigInteger.Parse("00000000ffb1ffffffffffffffffffffffffffffffffffffffffffffffffffff", NumberStyles.HexNumber);
        Assert.Equal(single300, next);
        Assert.Equal(0x1d00ffb1u, CompactTarget.Encode(next));
    }

    // Why the target form exists: the nBits form must round the anchor to 0x1d00ffff and loses the low bits.
    [Fact]
    public void TheNBitsFormCannotCarryThePowLimitAnchor() =>
        Assert.Equal(0x1c7fff80u, Aserti3_2d.NextTargetFromDeltas(2 * 144, ParentTimeDiff, CompactTarget.DifficultyOneBits, AsertParams.Mainnet));

    private static BigInteger Target(string name) => name switch
    {
        "powLimit" => PowLimit,
        _ when name.StartsWith("powLimit>>", StringComparison.Ordinal) => PowLimit >> int.Parse(name[10..]),
        "0xffff8<<204" => new BigInteger(0xffff8) << 204,
        _ => BigInteger.Parse(name),
    };
}
