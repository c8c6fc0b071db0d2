using System.Buffers.Binary;

namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>A 32-byte block hash as a value (four big-endian words), so equality and hashing are by content.</summary>
public readonly record struct BlockHash(ulong W0, ulong W1, ulong W2, ulong W3)
{
    public const int Size = 32;

    public static BlockHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"a block hash is {Size} bytes", nameof(bytes));
        return new BlockHash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, W0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], W1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], W2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], W3);
    }

    public override string ToString() => $"{W0:x16}{W1:x16}{W2:x16}{W3:x16}";
}
