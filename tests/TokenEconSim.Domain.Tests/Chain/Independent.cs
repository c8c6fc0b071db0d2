using System.Numerics;
using System.Security.Cryptography;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

/// <summary>Re-checks a header with nothing but SHA-256 and BigInteger, as an independent verifier.</summary>
internal static class Independent
{
    public static BigInteger HashValue(BlockHeader header)
    {
        var bytes = new byte[BlockHeader.Size];
        header.Serialize(bytes);
        return new BigInteger(SHA256.HashData(SHA256.HashData(bytes)), isUnsigned: true, isBigEndian: false);
    }

    public static bool Meets(BlockHeader header, BigInteger target) => HashValue(header) <= target;
}
