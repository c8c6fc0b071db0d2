using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>
/// A validator's signature over (slot, block hash): what makes equivocation provable by anyone.
/// The signature is ECDSA P-256 in IEEE P1363 form (r ‖ s, 64 bytes).
/// </summary>
/// <remarks>
/// ECDSA signatures are randomized (a fresh nonce per signature), so signature bytes differ from
/// run to run. They must never be written to simulation outputs; only their verification, which is
/// deterministic, may affect a run.
/// </remarks>
public sealed record SignedHeader(long Slot, int ValidatorId, BlockHash Hash, byte[] Signature)
{
    private static ReadOnlySpan<byte> Domain => "TokenEconSim/pos-header/v1"u8;

    /// <summary>The digest that is signed: SHA-256(domain tag ‖ slot ‖ hash). The tag keeps these
    /// signatures from being replayed as signatures over anything else.</summary>
    public static byte[] Digest(long slot, BlockHash hash)
    {
        var input = new byte[Domain.Length + 8 + BlockHash.Size];
        Domain.CopyTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(Domain.Length), slot);
        hash.WriteTo(input.AsSpan(Domain.Length + 8));
        return SHA256.HashData(input);
    }
}
