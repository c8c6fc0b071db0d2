using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// A validated chain of block headers (with each block's transaction count as its summary).
/// <see cref="Append"/> runs the checks of Bitcoin Core's CheckBlockHeader, CheckBlock and
/// ContextualCheckBlockHeader (src/validation.cpp) that apply to this economy, and appends only a
/// valid block. The chain is also the <see cref="IChainHistory"/> its difficulty algorithm reads.
/// Not thread-safe: one owner appends.
/// </summary>
public sealed class Blockchain : IChainHistory
{
    private readonly List<BlockHeader> _headers = [];
    private readonly List<Hash256> _hashes = [];
    private readonly List<int> _txCounts = [];

    public Blockchain(Block genesis, IDifficultyAlgorithm difficulty, ChainRules rules)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        ArgumentNullException.ThrowIfNull(difficulty);
        ArgumentNullException.ThrowIfNull(rules);
        Difficulty = difficulty;
        Rules = rules;
        CheckGenesis(genesis);
        Add(genesis);
    }

    /// <summary>A chain starting at the seed's deterministic genesis (<see cref="Genesis.Create"/>).</summary>
    public static Blockchain WithGenesis(long seed, IDifficultyAlgorithm difficulty, ChainRules rules, uint genesisTime = 0)
    {
        ArgumentNullException.ThrowIfNull(difficulty);
        return new Blockchain(Genesis.Create(seed, difficulty.InitialBits, genesisTime), difficulty, rules);
    }

    public IDifficultyAlgorithm Difficulty { get; }
    public ChainRules Rules { get; }

    public long Count => _headers.Count;
    public long Time(long height) => Header(height).Time;
    public uint Bits(long height) => Header(height).Bits;

    public long TipHeight => _headers.Count - 1;
    public BlockHeader Tip => _headers[^1];
    public Hash256 TipHash => _hashes[^1];
    public IReadOnlyList<BlockHeader> Headers => _headers;

    public BlockHeader Header(long height) => _headers[checked((int)height)];
    public Hash256 Hash(long height) => _hashes[checked((int)height)];
    public int TransactionCount(long height) => _txCounts[checked((int)height)];

    /// <summary>nBits the next block must carry if stamped <paramref name="time"/>.</summary>
    public uint RequiredBits(uint time, HashrateForecast? forecast = null) => Difficulty.NextBits(this, new NextBlock(time, forecast));

    /// <summary>The earliest valid time for the next block: median time past + 1.</summary>
    public long MinimumNextTime => MedianTimePast.OfTip(this) + 1;

    /// <summary>Checks a block against the tip without appending it.</summary>
    public BlockVerdict Validate(Block block, long now, HashrateForecast? forecast = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        var verdict = CheckLink(block);
        if (verdict.IsAccepted) verdict = CheckTime(block.Header, now);
        if (verdict.IsAccepted) verdict = CheckWork(block.Header, forecast);
        if (verdict.IsAccepted) verdict = CheckTransactions(block);
        return verdict;
    }

    /// <summary>Validates and, if valid, appends; otherwise leaves the chain unchanged.</summary>
    public BlockVerdict Append(Block block, long now, HashrateForecast? forecast = null)
    {
        var verdict = Validate(block, now, forecast);
        if (verdict.IsAccepted) Add(block);
        return verdict;
    }

    private BlockVerdict CheckLink(Block block)
    {
        if (block.Height != Count)
            return BlockVerdict.Reject(BlockRejection.BadHeight, $"height {block.Height}, expected {Count}");
        if (block.Header.PrevHash != TipHash)
            return BlockVerdict.Reject(BlockRejection.BadPrevHash, $"prev-blk-not-found: {block.Header.PrevHash} is not the tip {TipHash}");
        return BlockVerdict.Accepted;
    }

    private BlockVerdict CheckTime(BlockHeader header, long now)
    {
        var mtp = MedianTimePast.OfTip(this);
        if (header.Time <= mtp)
            return BlockVerdict.Reject(BlockRejection.TimeTooOld, $"time-too-old: {header.Time} ≤ median time past {mtp}");
        if (header.Time > now + Rules.MaxFutureBlockTime)
            return BlockVerdict.Reject(BlockRejection.TimeTooNew, $"time-too-new: {header.Time} > now {now} + {Rules.MaxFutureBlockTime}");
        return BlockVerdict.Accepted;
    }

    private BlockVerdict CheckWork(BlockHeader header, HashrateForecast? forecast)
    {
        var required = RequiredBits(header.Time, forecast);
        if (header.Bits != required)
            return BlockVerdict.Reject(BlockRejection.BadBits, $"bad-diffbits: 0x{header.Bits:x8}, required 0x{required:x8} ({Difficulty.Name})");
        var status = ProofOfWork.CheckTarget(header.Bits, Difficulty.PowLimit, out _);
        if (status != PowStatus.Ok)
            return BlockVerdict.Reject(BlockRejection.InvalidTarget, $"nBits 0x{header.Bits:x8}: {status}");
        // Sampled proof draws block times instead of grinding: only this comparison is skipped.
        if (Rules.Proof == ProofMode.Real && ProofOfWork.Check(header.Hash(), header.Bits, Difficulty.PowLimit) != PowStatus.Ok)
            return BlockVerdict.Reject(BlockRejection.HighHash, $"high-hash: {header.Hash()} above the target of 0x{header.Bits:x8}");
        return BlockVerdict.Accepted;
    }

    private static BlockVerdict CheckTransactions(Block block)
    {
        var ids = new Hash256[block.Transactions.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = block.Transactions[i].TxId();
        var root = MerkleTree.Root(ids);
        if (root != block.Header.MerkleRoot)
            return BlockVerdict.Reject(BlockRejection.BadMerkleRoot, $"bad-txnmrklroot: header {block.Header.MerkleRoot}, transactions {root}");
        // Any repeat, not only Core's "mutated" pairs: identical records share a txid (aggregate them).
        if (new HashSet<Hash256>(ids).Count != ids.Length)
            return BlockVerdict.Reject(BlockRejection.DuplicateTransaction, "bad-txns-duplicate: a txid repeats");
        return BlockVerdict.Accepted;
    }

    private void CheckGenesis(Block genesis)
    {
        if (genesis.Height != 0 || !genesis.Header.PrevHash.IsZero)
            throw new ArgumentException("genesis has height 0 and a zero previous hash", nameof(genesis));
        if (genesis.Header.Bits != Difficulty.InitialBits)
            throw new ArgumentException($"genesis nBits 0x{genesis.Header.Bits:x8} differ from the algorithm's initial "
                + $"0x{Difficulty.InitialBits:x8}", nameof(genesis));
        var txs = CheckTransactions(genesis);
        if (!txs.IsAccepted) throw new ArgumentException($"genesis: {txs}", nameof(genesis));
    }

    private void Add(Block block)
    {
        _headers.Add(block.Header);
        _hashes.Add(block.Header.Hash());
        _txCounts.Add(block.Transactions.Count);
    }
}
