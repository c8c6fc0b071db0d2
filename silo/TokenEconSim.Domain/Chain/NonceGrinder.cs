using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TokenEconSim.Domain.Chain;

/// <summary>The outcome of a nonce search: the first valid nonce (if any) and the work done.</summary>
public readonly record struct GrindResult(bool Found, uint Nonce, Hash256 Hash, long HashesTried);

/// <summary>The outcome of a search that may roll the header's time: the solved header if found.</summary>
public readonly record struct RollingGrindResult(bool Found, BlockHeader Header, Hash256 Hash, long HashesTried, int TimeRolls);

/// <summary>
/// Real proof of work: tries nonces of a header in order until hash ≤ target. The header is
/// serialized once into a stack buffer and only the nonce bytes change; each attempt is two
/// one-shot SHA-256 calls into stack spans, so the loop allocates nothing. Pure and re-entrant:
/// miners may call it concurrently on disjoint ranges (see <see cref="PowRace"/> for the rule that
/// makes the winner independent of scheduling).
/// </summary>
public static class NonceGrinder
{
    public const ulong NonceSpace = 1UL << 32;

    /// <summary>Searches nonces [start, end) (end ≤ 2^32); returns the first valid one.</summary>
    public static GrindResult Search(BlockHeader header, ulong start, ulong end, Hash256 target)
    {
        if (start > end || end > NonceSpace) throw new ArgumentOutOfRangeException(nameof(end), "needs start ≤ end ≤ 2^32");
        Span<byte> bytes = stackalloc byte[BlockHeader.Size];
        Span<byte> first = stackalloc byte[Hash256.Size];
        Span<byte> second = stackalloc byte[Hash256.Size];
        header.Serialize(bytes);
        var nonceSlot = bytes.Slice(BlockHeader.NonceOffset, sizeof(uint));
        for (var n = start; n < end; n++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(nonceSlot, (uint)n);
            SHA256.HashData(bytes, first);
            SHA256.HashData(first, second);
            var hash = Hash256.FromBytes(second);
            if (hash <= target) return new GrindResult(true, (uint)n, hash, (long)(n - start + 1));
        }
        return new GrindResult(false, 0, default, (long)(end - start));
    }

    /// <summary>
    /// Searches from nonce 0; when <paramref name="noncesPerTime"/> nonces (all 2^32 by default) fail,
    /// bumps the time by one second and starts again — Bitcoin miners roll the extra nonce or the time;
    /// rolling time keeps the transactions unchanged. Gives up after <paramref name="maxTimeRolls"/>
    /// rolls. The caller must check the rolled time still meets the chain's future-time limit.
    /// </summary>
    public static RollingGrindResult SearchRollingTime(BlockHeader header, Hash256 target, int maxTimeRolls, ulong noncesPerTime = NonceSpace)
    {
        if (maxTimeRolls < 0) throw new ArgumentOutOfRangeException(nameof(maxTimeRolls));
        long tried = 0;
        for (var roll = 0; roll <= maxTimeRolls; roll++)
        {
            var candidate = header with { Time = checked(header.Time + (uint)roll) };
            var r = Search(candidate, 0, noncesPerTime, target);
            tried += r.HashesTried;
            if (r.Found) return new RollingGrindResult(true, candidate with { Nonce = r.Nonce }, r.Hash, tried, roll);
        }
        return new RollingGrindResult(false, header, default, tried, maxTimeRolls);
    }
}
