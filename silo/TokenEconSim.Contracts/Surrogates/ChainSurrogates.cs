using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus;

namespace TokenEconSim.Contracts.Surrogates;

// Orleans codecs for the proof-of-work round messages (see ShardMessageSurrogates.cs for why surrogates).

[GenerateSerializer, Immutable, Alias("TokenEconSim.Hash256")]
public readonly record struct Hash256Surrogate([property: Id(0)] byte[] Bytes);

[RegisterConverter]
public sealed class Hash256Converter : IConverter<Hash256, Hash256Surrogate>
{
    public Hash256 ConvertFromSurrogate(in Hash256Surrogate s) => Hash256.FromBytes(s.Bytes);

    public Hash256Surrogate ConvertToSurrogate(in Hash256 v)
    {
        var bytes = new byte[Hash256.Size];
        v.WriteTo(bytes);
        return new(bytes);
    }
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.BlockHeader")]
public readonly record struct BlockHeaderSurrogate([property: Id(0)] byte[] Bytes);

[RegisterConverter]
public sealed class BlockHeaderConverter : IConverter<BlockHeader, BlockHeaderSurrogate>
{
    public BlockHeader ConvertFromSurrogate(in BlockHeaderSurrogate s) => BlockHeader.Deserialize(s.Bytes);

    public BlockHeaderSurrogate ConvertToSurrogate(in BlockHeader v)
    {
        var bytes = new byte[BlockHeader.Size];
        v.Serialize(bytes);
        return new(bytes);
    }
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.GrindOrder")]
public readonly record struct GrindOrderSurrogate(
    [property: Id(0)] int MinerIndex, [property: Id(1)] BlockHeader Header, [property: Id(2)] ulong Start,
    [property: Id(3)] ulong End, [property: Id(4)] Hash256 Target);

[RegisterConverter]
public sealed class GrindOrderConverter : IConverter<GrindOrder, GrindOrderSurrogate>
{
    public GrindOrder ConvertFromSurrogate(in GrindOrderSurrogate s) => new(s.MinerIndex, s.Header, s.Start, s.End, s.Target);
    public GrindOrderSurrogate ConvertToSurrogate(in GrindOrder v) => new(v.MinerIndex, v.Header, v.Start, v.End, v.Target);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.GrindResult")]
public readonly record struct GrindResultSurrogate([property: Id(0)] bool Found, [property: Id(1)] uint Nonce, [property: Id(2)] Hash256 Hash,
    [property: Id(3)] long HashesTried);

[RegisterConverter]
public sealed class GrindResultConverter : IConverter<GrindResult, GrindResultSurrogate>
{
    public GrindResult ConvertFromSurrogate(in GrindResultSurrogate s) => new(s.Found, s.Nonce, s.Hash, s.HashesTried);
    public GrindResultSurrogate ConvertToSurrogate(in GrindResult v) => new(v.Found, v.Nonce, v.Hash, v.HashesTried);
}
