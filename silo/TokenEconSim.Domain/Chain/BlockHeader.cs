using System.Buffers.Binary;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// Bitcoin's 80-byte block header (Core's <c>CBlockHeader</c>, src/primitives/block.h): version,
/// previous block hash, merkle root, time, nBits, nonce, integers little-endian, hashes in internal
/// byte order. Its hash is SHA-256d of those 80 bytes.
/// </summary>
public readonly record struct BlockHeader(int Version, Hash256 PrevHash, Hash256 MerkleRoot, uint Time, uint Bits, uint Nonce)
{
    public const int Size = 80;
    public const int NonceOffset = 76;
    public const int TimeOffset = 68;

    public void Serialize(Span<byte> destination)
    {
        if (destination.Length < Size) throw new ArgumentException($"a header is {Size} bytes", nameof(destination));
        BinaryPrimitives.WriteInt32LittleEndian(destination, Version);
        PrevHash.WriteTo(destination[4..]);
        MerkleRoot.WriteTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[TimeOffset..], Time);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[72..], Bits);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[NonceOffset..], Nonce);
    }

    public static BlockHeader Deserialize(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size) throw new ArgumentException($"a header is {Size} bytes", nameof(source));
        return new BlockHeader(
            BinaryPrimitives.ReadInt32LittleEndian(source),
            Hash256.FromBytes(source.Slice(4, Hash256.Size)),
            Hash256.FromBytes(source.Slice(36, Hash256.Size)),
            BinaryPrimitives.ReadUInt32LittleEndian(source[TimeOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[72..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[NonceOffset..]));
    }

    public Hash256 Hash()
    {
        Span<byte> bytes = stackalloc byte[Size];
        Serialize(bytes);
        return Sha256d.Hash(bytes);
    }
}
