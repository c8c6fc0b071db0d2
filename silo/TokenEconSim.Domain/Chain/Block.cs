namespace TokenEconSim.Domain.Chain;

/// <summary>
/// A block: its header, height, transactions (txids → the header's merkle root) and producer.
/// Height and producer sit beside the header, as Bitcoin keeps height in its block index; the
/// producer's reward is committed through a Reward transaction.
/// </summary>
public sealed record Block(long Height, BlockHeader Header, IReadOnlyList<ChainTransaction> Transactions, int ProducerId)
{
    public const int CurrentVersion = 1;

    /// <summary>A block template: header with the transactions' merkle root and the given nonce.</summary>
    public static Block Assemble(long height, Hash256 prevHash, uint time, uint bits, IReadOnlyList<ChainTransaction> transactions, int producerId,
        uint nonce = 0)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var root = MerkleTree.Root(transactions, out _);
        return new Block(height, new BlockHeader(CurrentVersion, prevHash, root, time, bits, nonce), transactions, producerId);
    }

    public Hash256 Hash() => Header.Hash();
}
