using System.Security.Cryptography;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// Bitcoin's double SHA-256, SHA256(SHA256(x)) (Core's <c>CHash256</c>, src/hash.h). The span
/// overloads use the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> into
/// stack buffers, so hashing allocates nothing on the grinding path.
/// </summary>
public static class Sha256d
{
    /// <summary>Writes SHA-256d of <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> first = stackalloc byte[Hash256.Size];
        SHA256.HashData(data, first);
        SHA256.HashData(first, destination);
    }

    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        Hash(data, digest);
        return Hash256.FromBytes(digest);
    }

    /// <summary>SHA-256d of two hashes concatenated: one merkle tree node (Core's Hash(a, b)).</summary>
    public static Hash256 HashPair(Hash256 left, Hash256 right)
    {
        Span<byte> pair = stackalloc byte[2 * Hash256.Size];
        left.WriteTo(pair);
        right.WriteTo(pair[Hash256.Size..]);
        return Hash(pair);
    }
}
