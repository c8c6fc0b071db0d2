using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// A 256-bit hash in Bitcoin's internal byte order (the bytes SHA-256d writes). Numerically it is
/// the little-endian integer Bitcoin Core's <c>UintToArith256</c> reads, which is what proof of work
/// compares; <see cref="ToString"/> shows the bytes reversed, as block explorers and RPC do.
/// Four 64-bit limbs keep it a copyable, allocation-free value.
/// </summary>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Size = 32;

    // _l0 holds bytes 0..7 (least significant), _l3 bytes 24..31 (most significant).
    private readonly ulong _l0, _l1, _l2, _l3;

    private Hash256(ulong l0, ulong l1, ulong l2, ulong l3) => (_l0, _l1, _l2, _l3) = (l0, l1, l2, l3);

    public static Hash256 Zero => default;

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    /// <summary>Reads 32 bytes in internal order.</summary>
    public static Hash256 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"a hash is {Size} bytes", nameof(bytes));
        return new Hash256(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));
    }

    /// <summary>Writes the 32 bytes in internal order.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size) throw new ArgumentException($"needs {Size} bytes", nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _l0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _l1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _l2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _l3);
    }

    /// <summary>Parses the display form (64 hex digits, most significant byte first).</summary>
    public static Hash256 Parse(string displayHex)
    {
        ArgumentNullException.ThrowIfNull(displayHex);
        if (displayHex.Length != 2 * Size) throw new FormatException("a hash is 64 hex digits");
        Span<byte> bytes = stackalloc byte[Size];
        for (var i = 0; i < Size; i++)
            bytes[Size - 1 - i] = byte.Parse(displayHex.AsSpan(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return FromBytes(bytes);
    }

    /// <summary>The hash as an unsigned integer (Core's UintToArith256).</summary>
    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The 256-bit value of an integer in [0, 2^256) (Core's ArithToUint256).</summary>
    public static Hash256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256) throw new ArgumentOutOfRangeException(nameof(value), "needs 0 ≤ value < 2^256");
        Span<byte> bytes = stackalloc byte[Size];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return FromBytes(bytes);
    }

    /// <summary>Numeric order, most significant limb first: the order of proof-of-work comparisons.</summary>
    public int CompareTo(Hash256 other)
    {
        var c = _l3.CompareTo(other._l3);
        if (c != 0) return c;
        c = _l2.CompareTo(other._l2);
        if (c != 0) return c;
        c = _l1.CompareTo(other._l1);
        return c != 0 ? c : _l0.CompareTo(other._l0);
    }

    public bool Equals(Hash256 other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;
    public override bool Equals(object? obj) => obj is Hash256 h && Equals(h);
    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);
    public static bool operator ==(Hash256 a, Hash256 b) => a.Equals(b);
    public static bool operator !=(Hash256 a, Hash256 b) => !a.Equals(b);
    public static bool operator <(Hash256 a, Hash256 b) => a.CompareTo(b) < 0;
    public static bool operator >(Hash256 a, Hash256 b) => a.CompareTo(b) > 0;
    public static bool operator <=(Hash256 a, Hash256 b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Hash256 a, Hash256 b) => a.CompareTo(b) >= 0;

    /// <summary>Display form: bytes reversed, lower-case hex (Core's uint256::GetHex).</summary>
    public override string ToString() => $"{_l3:x16}{_l2:x16}{_l1:x16}{_l0:x16}";
}
