namespace TokenEconSim.Domain.Chain;

/// <summary>
/// Bitcoin's transaction merkle root, as Bitcoin Core's <c>ComputeMerkleRoot</c>
/// (src/consensus/merkle.cpp): hash pairs with SHA-256d level by level, duplicating the last hash
/// of an odd level; one txid is its own root, none gives zero.
/// </summary>
public static class MerkleTree
{
    public static Hash256 Root(IReadOnlyList<Hash256> txids) => Root(txids, out _);

    /// <summary>
    /// Also reports Core's <c>mutated</c> flag: some level had two equal hashes in one pair, so a
    /// different transaction list (CVE-2012-2459, a repeated tail) yields the same root.
    /// </summary>
    public static Hash256 Root(IReadOnlyList<Hash256> txids, out bool mutated)
    {
        ArgumentNullException.ThrowIfNull(txids);
        mutated = false;
        if (txids.Count == 0) return Hash256.Zero;
        var level = new Hash256[txids.Count + 1]; // room for the duplicated odd tail
        for (var i = 0; i < txids.Count; i++) level[i] = txids[i];
        var count = txids.Count;
        while (count > 1)
        {
            for (var pos = 0; pos + 1 < count; pos += 2)
                if (level[pos] == level[pos + 1]) mutated = true;
            if ((count & 1) == 1)
            {
                level[count] = level[count - 1];
                count++;
            }
            for (var i = 0; i < count / 2; i++) level[i] = Sha256d.HashPair(level[2 * i], level[2 * i + 1]);
            count /= 2;
        }
        return level[0];
    }

    /// <summary>The root of a block's transactions (their txids in order).</summary>
    public static Hash256 Root(IReadOnlyList<ChainTransaction> transactions, out bool mutated)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var ids = new Hash256[transactions.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = transactions[i].TxId();
        return Root(ids, out mutated);
    }
}
