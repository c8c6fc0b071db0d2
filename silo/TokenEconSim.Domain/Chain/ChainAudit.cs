using System.Numerics;
using System.Security.Cryptography;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Chain;

/// <summary>The result of an audit: whether every header passed, else the first failing height and why.</summary>
public readonly record struct AuditResult(bool Ok, long FailedHeight, string Reason)
{
    public static AuditResult Passed { get; } = new(true, -1, "ok");
}

/// <summary>
/// An after-the-fact check of a header chain, independent of <see cref="Blockchain"/>'s code path:
/// re-serializes and re-hashes every header with SHA-256 directly, compares the hash as a
/// <see cref="BigInteger"/> with the target decoded from nBits (rejecting negative, zero,
/// overflowing and above-limit targets), and checks every previous-hash link. It does not
/// recompute difficulty or timestamps; it proves the work and the linkage of a real-hashing run.
/// </summary>
public static class ChainAudit
{
    /// <param name="checkGenesisProof">Bitcoin's genesis meets its target; a simulated genesis
    /// (nonce 0) need not, so its proof is checked only on request.</param>
    public static AuditResult Verify(IReadOnlyList<BlockHeader> headers, BigInteger powLimit, bool checkGenesisProof = false)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Span<byte> previous = stackalloc byte[Hash256.Size];
        for (var h = 0; h < headers.Count; h++)
        {
            var reason = CheckOne(headers[h], h, previous, powLimit, h > 0 || checkGenesisProof);
            if (reason is not null) return new AuditResult(false, h, reason);
        }
        return AuditResult.Passed;
    }

    // Checks one header against the previous digest, then overwrites it with this header's digest.
    private static string? CheckOne(BlockHeader header, int height, Span<byte> previous, BigInteger powLimit, bool checkProof)
    {
        Span<byte> bytes = stackalloc byte[BlockHeader.Size];
        Span<byte> link = stackalloc byte[Hash256.Size];
        header.Serialize(bytes);
        bytes.Slice(4, Hash256.Size).CopyTo(link);
        if (!link.SequenceEqual(previous))
            return height == 0 ? "genesis previous hash is not zero" : "previous hash does not match the parent's hash";
        var digest = SHA256.HashData(SHA256.HashData(bytes));
        digest.CopyTo(previous);
        return checkProof ? CheckProof(digest, header.Bits, powLimit) : null;
    }

    private static string? CheckProof(byte[] digest, uint bits, BigInteger powLimit)
    {
        var d = CompactTarget.Decode(bits);
        if (d.IsNegative || d.IsOverflow || d.Target.IsZero || d.Target > powLimit) return $"nBits 0x{bits:x8} is not a valid target";
        var value = new BigInteger(digest, isUnsigned: true, isBigEndian: false);
        return value <= d.Target ? null : $"hash above the target of 0x{bits:x8}";
    }
}
