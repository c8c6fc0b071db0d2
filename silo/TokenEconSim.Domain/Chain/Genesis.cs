using System.Buffers.Binary;
using System.Text;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// The genesis block of a run, a pure function of (seed, nBits, time): one DataBatch record whose
/// content hash is SHA-256d("TokenEconSim genesis" ‖ seed as int64 LE), by agent −1 (no agent).
/// Like Bitcoin's, it has no parent and its proof of work is not checked by the chain.
/// </summary>
public static class Genesis
{
    public const int NoAgent = -1;
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("TokenEconSim genesis");

    public static Block Create(long seed, uint bits, uint time = 0)
    {
        Span<byte> material = stackalloc byte[Tag.Length + sizeof(long)];
        Tag.CopyTo(material);
        BinaryPrimitives.WriteInt64LittleEndian(material[Tag.Length..], seed);
        var record = ChainTransaction.DataBatch(NoAgent, Sha256d.Hash(material));
        return Block.Assemble(0, Hash256.Zero, time, bits, [record], NoAgent);
    }
}
