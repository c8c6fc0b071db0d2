using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// The header and body checks of Bitcoin Core's CheckBlockHeader, CheckBlock and
/// ContextualCheckBlockHeader (src/validation.cpp) that apply to this economy, against any branch:
/// the branch passed is the history ending at the block's parent. The linear
/// <see cref="Blockchain"/> passes itself; the network's block tree passes the branch the block extends,
/// so every branch is validated by the same rules.
/// </summary>
public static class BlockChecks
{
    /// <summary>All checks in Core's order: link, time, work, transactions.</summary>
    public static BlockVerdict All(Block block, IChainHistory branch, Hash256 parentHash, IDifficultyAlgorithm difficulty, ChainRules rules,
        long now, HashrateForecast? forecast = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        var verdict = Link(block, branch.Count, parentHash);
        if (verdict.IsAccepted) verdict = Time(block.Header, branch, now, rules);
        if (verdict.IsAccepted) verdict = Work(block.Header, branch, difficulty, rules, forecast);
        if (verdict.IsAccepted) verdict = Transactions(block);
        return verdict;
    }

    public static BlockVerdict Link(Block block, long expectedHeight, Hash256 parentHash)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Height != expectedHeight)
            return BlockVerdict.Reject(BlockRejection.BadHeight, $"height {block.Height}, expected {expectedHeight}");
        if (block.Header.PrevHash != parentHash)
            return BlockVerdict.Reject(BlockRejection.BadPrevHash, $"prev-blk-not-found: {block.Header.PrevHash} is not the tip {parentHash}");
        return BlockVerdict.Accepted;
    }

    public static BlockVerdict Time(BlockHeader header, IChainHistory branch, long now, ChainRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var mtp = MedianTimePast.OfTip(branch);
        if (header.Time <= mtp)
            return BlockVerdict.Reject(BlockRejection.TimeTooOld, $"time-too-old: {header.Time} ≤ median time past {mtp}");
        if (header.Time > now + rules.MaxFutureBlockTime)
            return BlockVerdict.Reject(BlockRejection.TimeTooNew, $"time-too-new: {header.Time} > now {now} + {rules.MaxFutureBlockTime}");
        return BlockVerdict.Accepted;
    }

    public static BlockVerdict Work(BlockHeader header, IChainHistory branch, IDifficultyAlgorithm difficulty, ChainRules rules,
        HashrateForecast? forecast)
    {
        ArgumentNullException.ThrowIfNull(difficulty);
        ArgumentNullException.ThrowIfNull(rules);
        var required = difficulty.NextBits(branch, new NextBlock(header.Time, forecast));
        if (header.Bits != required)
            return BlockVerdict.Reject(BlockRejection.BadBits, $"bad-diffbits: 0x{header.Bits:x8}, required 0x{required:x8} ({difficulty.Name})");
        var status = ProofOfWork.CheckTarget(header.Bits, difficulty.PowLimit, out _);
        if (status != PowStatus.Ok)
            return BlockVerdict.Reject(BlockRejection.InvalidTarget, $"nBits 0x{header.Bits:x8}: {status}");
        // Sampled proof draws block times instead of grinding: only this comparison is skipped.
        if (rules.Proof == ProofMode.Real && ProofOfWork.Check(header.Hash(), header.Bits, difficulty.PowLimit) != PowStatus.Ok)
            return BlockVerdict.Reject(BlockRejection.HighHash, $"high-hash: {header.Hash()} above the target of 0x{header.Bits:x8}");
        return BlockVerdict.Accepted;
    }

    public static BlockVerdict Transactions(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var ids = new Hash256[block.Transactions.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = block.Transactions[i].TxId();
        var root = MerkleTree.Root(ids);
        if (root != block.Header.MerkleRoot)
            return BlockVerdict.Reject(BlockRejection.BadMerkleRoot, $"bad-txnmrklroot: header {block.Header.MerkleRoot}, transactions {root}");
        // Any repeat, not only Core's "mutated" pairs: identical records share a txid (aggregate them).
        if (ids.Length > 1 && new HashSet<Hash256>(ids).Count != ids.Length)
            return BlockVerdict.Reject(BlockRejection.DuplicateTransaction, "bad-txns-duplicate: a txid repeats");
        return BlockVerdict.Accepted;
    }
}
