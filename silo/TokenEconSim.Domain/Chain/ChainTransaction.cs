using System.Buffers.Binary;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// One on-chain record. Unit kinds (Reward, Fee, Slash) carry <see cref="Units"/> ≥ 0 and a zero
/// <see cref="Content"/>; hash kinds (DataBatch, ModelUpdate) carry a content hash and no units.
/// Canonical encoding: kind (1 byte), agent id (int32 LE), then units (int64 LE) or the 32-byte
/// hash — 13 or 37 bytes. The txid is SHA-256d of the encoding, as Bitcoin's txid is of its
/// serialization. Identical records share a txid, so a block must not repeat one (aggregate per agent).
/// </summary>
public readonly record struct ChainTransaction
{
    public const int MaxEncodedSize = 1 + 4 + Hash256.Size;

    public TxKind Kind { get; }
    public int AgentId { get; }
    public long Units { get; }
    public Hash256 Content { get; }

    private ChainTransaction(TxKind kind, int agentId, long units, Hash256 content)
    {
        if (units < 0) throw new ArgumentOutOfRangeException(nameof(units), "units are non-negative");
        (Kind, AgentId, Units, Content) = (kind, agentId, units, content);
    }

    public static ChainTransaction Reward(int agentId, long units) => new(TxKind.Reward, agentId, units, default);
    public static ChainTransaction Fee(int agentId, long unitsBurned) => new(TxKind.Fee, agentId, unitsBurned, default);
    public static ChainTransaction DataBatch(int providerId, Hash256 contentHash) => new(TxKind.DataBatch, providerId, 0, contentHash);
    public static ChainTransaction ModelUpdate(int trainerId, Hash256 updateHash) => new(TxKind.ModelUpdate, trainerId, 0, updateHash);
    public static ChainTransaction Slash(int validatorId, long units) => new(TxKind.Slash, validatorId, units, default);

    public bool CarriesHash => Kind is TxKind.DataBatch or TxKind.ModelUpdate;

    public int EncodedSize => CarriesHash ? 1 + 4 + Hash256.Size : 1 + 4 + 8;

    /// <summary>Writes the canonical encoding; returns the bytes written.</summary>
    public int Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedSize) throw new ArgumentException($"needs {EncodedSize} bytes", nameof(destination));
        destination[0] = (byte)Kind;
        BinaryPrimitives.WriteInt32LittleEndian(destination[1..], AgentId);
        if (CarriesHash) Content.WriteTo(destination[5..]);
        else BinaryPrimitives.WriteInt64LittleEndian(destination[5..], Units);
        return EncodedSize;
    }

    /// <summary>Reads one canonical encoding, rejecting unknown kinds and wrong lengths.</summary>
    public static ChainTransaction Decode(ReadOnlySpan<byte> source)
    {
        if (source.IsEmpty) throw new FormatException("empty transaction");
        var kind = (TxKind)source[0];
        var hashKind = kind is TxKind.DataBatch or TxKind.ModelUpdate;
        if (!Enum.IsDefined(kind)) throw new FormatException($"unknown transaction kind {source[0]}");
        if (source.Length != (hashKind ? 37 : 13)) throw new FormatException($"a {kind} transaction is {(hashKind ? 37 : 13)} bytes");
        var agent = BinaryPrimitives.ReadInt32LittleEndian(source[1..]);
        return hashKind
            ? new ChainTransaction(kind, agent, 0, Hash256.FromBytes(source[5..]))
            : new ChainTransaction(kind, agent, BinaryPrimitives.ReadInt64LittleEndian(source[5..]), default);
    }

    public Hash256 TxId()
    {
        Span<byte> bytes = stackalloc byte[MaxEncodedSize];
        var n = Encode(bytes);
        return Sha256d.Hash(bytes[..n]);
    }
}
