using System.Numerics;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>The result of decoding a compact nBits value, with Bitcoin Core's two error flags.</summary>
public readonly record struct DecodedCompact(BigInteger Target, bool IsNegative, bool IsOverflow);

/// <summary>
/// Bitcoin's compact ("nBits") encoding of 256-bit targets, behaving as Bitcoin Core's
/// <c>arith_uint256::SetCompact</c> / <c>GetCompact</c> (src/arith_uint256.cpp): a base-256 exponent
/// in the top byte, a 23-bit mantissa and a sign bit (0x00800000). Targets are non-negative
/// <see cref="BigInteger"/>s below 2^256; arithmetic that Core does in arith_uint256 is reduced mod
/// 2^256 so results stay bit-exact even where Core would silently wrap.
/// </summary>
public static class CompactTarget
{
    /// <summary>2^256 - 1: the mask standing in for arith_uint256's fixed width.</summary>
    public static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    /// <summary>Bitcoin's difficulty-1 target, nBits 0x1d00ffff (= 0xffff · 2^208).</summary>
    public const uint DifficultyOneBits = 0x1d00ffff;

    public static readonly BigInteger DifficultyOneTarget = Decode(DifficultyOneBits).Target;

    /// <summary>SetCompact: decode nBits into a target plus Core's negative / overflow flags. As in
    /// Core, the flags look at the mantissa after small exponents have shifted bytes out of it.</summary>
    public static DecodedCompact Decode(uint compact)
    {
        var size = (int)(compact >> 24);
        var word = compact & 0x007fffffu;
        BigInteger value;
        if (size <= 3)
        {
            word >>= 8 * (3 - size);
            value = word;
        }
        else
        {
            value = (new BigInteger(word) << (8 * (size - 3))) & Max256; // arith_uint256 drops high bits
        }
        var negative = word != 0 && (compact & 0x00800000u) != 0;
        var overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        return new DecodedCompact(value, negative, overflow);
    }

    /// <summary>GetCompact: the shortest nBits for a target (0 ≤ target &lt; 2^256), never setting
    /// the sign bit unless <paramref name="negative"/> and the mantissa is non-zero.</summary>
    public static uint Encode(BigInteger target, bool negative = false)
    {
        if (target.Sign < 0 || target > Max256)
            throw new ArgumentOutOfRangeException(nameof(target), "a target is an unsigned 256-bit integer");
        var size = (int)((target.GetBitLength() + 7) / 8);
        var compact = size <= 3
            ? (uint)((ulong)target << (8 * (3 - size)))
            : (uint)(target >> (8 * (size - 3)));
        // A mantissa with its top bit set would read back as negative: move a byte into the exponent.
        if ((compact & 0x00800000u) != 0)
        {
            compact >>= 8;
            size++;
        }
        compact |= (uint)size << 24;
        if (negative && (compact & 0x007fffffu) != 0) compact |= 0x00800000u;
        return compact;
    }

    /// <summary>Decodes nBits that must describe a usable target: positive, not negative, no overflow.</summary>
    public static BigInteger ToTarget(uint compact)
    {
        var d = Decode(compact);
        if (d.IsNegative || d.IsOverflow || d.Target.IsZero)
            throw new ArgumentException($"nBits 0x{compact:x8} is not a valid target (negative, overflow or zero)", nameof(compact));
        return d.Target;
    }

    /// <summary>
    /// Difficulty of nBits exactly as Bitcoin Core's <c>GetDifficulty</c> (src/rpc/blockchain.cpp):
    /// 0xffff / mantissa scaled by 256 per exponent step away from 29, in doubles, so the
    /// value matches what Core's RPC reports.
    /// </summary>
    public static double Difficulty(uint compact)
    {
        var shift = (int)((compact >> 24) & 0xff);
        var diff = (double)0x0000ffff / (compact & 0x00ffffff);
        while (shift < 29) { diff *= 256.0; shift++; }
        while (shift > 29) { diff /= 256.0; shift--; }
        return diff;
    }

    /// <summary>2²⁵⁶ / (target + 1): the expected number of hashes to find a block (Bitcoin's GetBlockProof), as a double.</summary>
    public static double ExpectedHashes(uint compact) => Math.Pow(2, 256) / ((double)ToTarget(compact) + 1);

    /// <summary>Difficulty of a full target: difficulty-1 target / target, as a double. The quotient
    /// is taken in integers with enough extra fraction bits (≥ 64 significant) that only the final
    /// conversion rounds.</summary>
    public static double Difficulty(BigInteger target)
    {
        if (target.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(target), "target must be positive");
        var shift = (int)Math.Max(0, target.GetBitLength() - DifficultyOneTarget.GetBitLength() + 64);
        return Math.ScaleB((double)((DifficultyOneTarget << shift) / target), -shift);
    }

    /// <summary>
    /// The target for a given difficulty, floor(difficulty-1 target / difficulty), clamped to
    /// [1, 2^256 − 1]. Lets a scenario state a small difficulty for real hashing. The double is split
    /// into its exact integer mantissa and binary exponent so the division is exact integer arithmetic.
    /// </summary>
    public static BigInteger TargetForDifficulty(double difficulty)
    {
        if (!(difficulty > 0) || double.IsInfinity(difficulty))
            throw new ArgumentOutOfRangeException(nameof(difficulty), "difficulty must be positive and finite");
        var exponent = Math.ILogB(difficulty) - 52;
        var mantissa = new BigInteger(Math.ScaleB(difficulty, -exponent)); // integral, < 2^53
        var target = exponent >= 0
            ? DifficultyOneTarget / (mantissa << exponent)
            : (DifficultyOneTarget << -exponent) / mantissa;
        if (target.IsZero) return BigInteger.One;
        return BigInteger.Min(target, Max256);
    }
}
