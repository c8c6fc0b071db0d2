using System.Buffers.Binary;

namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// A 32-byte message digest (e.g. the SHA-256d of an epoch's block batch), held as two 128-bit
/// halves so that equality, hashing and copying are cheap and by value.
/// </summary>
public readonly record struct Digest(UInt128 Hi, UInt128 Lo)
{
    public const int Size = 32;

    /// <summary>Reads 32 bytes, big-endian: byte 0 is the most significant byte of <see cref="Hi"/>.</summary>
    public static Digest FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"A digest is {Size} bytes; got {bytes.Length}.", nameof(bytes));
        return new Digest(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));
    }

    /// <summary>Writes the 32 bytes in the order <see cref="FromBytes"/> reads them.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"A digest needs {Size} bytes; got {destination.Length}.", nameof(destination));
        BinaryPrimitives.WriteUInt128BigEndian(destination, Hi);
        BinaryPrimitives.WriteUInt128BigEndian(destination[16..], Lo);
    }

    public override string ToString() => $"{Hi:x32}{Lo:x32}";
}
