using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>
/// Hash of a PoS block: SHA-256 of (parent hash, slot, proposer, variant). The variant stands for
/// the block's contents: an honest proposer builds variant 0; an equivocating one also builds
/// variant 1, a different block for the same slot and parent.
/// </summary>
public static class PosBlockHashes
{
    public static BlockHash Of(BlockHash parent, long slot, int proposerId, int variant)
    {
        Span<byte> input = stackalloc byte[BlockHash.Size + 16];
        parent.WriteTo(input);
        BinaryPrimitives.WriteInt64BigEndian(input[32..], slot);
        BinaryPrimitives.WriteInt32BigEndian(input[40..], proposerId);
        BinaryPrimitives.WriteInt32BigEndian(input[44..], variant);
        Span<byte> digest = stackalloc byte[BlockHash.Size];
        SHA256.HashData(input, digest);
        return BlockHash.FromBytes(digest);
    }
}
