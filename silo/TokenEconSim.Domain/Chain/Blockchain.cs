using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Chain;

/// <summary>
/// A validated chain of block headers (with each block's transaction count as its summary).
/// <see cref="Append"/> runs <see cref="BlockChecks"/> against the tip and appends only a valid block.
/// The chain is also the <see cref="IChainHistory"/> its difficulty algorithm reads.
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

    /// <summary>Checks a block against the tip without appending it (<see cref="BlockChecks"/>).</summary>
    public BlockVerdict Validate(Block block, long now, HashrateForecast? forecast = null) =>
        BlockChecks.All(block, this, TipHash, Difficulty, Rules, now, forecast);

    /// <summary>Validates and, if valid, appends; otherwise leaves the chain unchanged.</summary>
    public BlockVerdict Append(Block block, long now, HashrateForecast? forecast = null)
    {
        var verdict = Validate(block, now, forecast);
        if (verdict.IsAccepted) Add(block);
        return verdict;
    }

    private void CheckGenesis(Block genesis)
    {
        if (genesis.Height != 0 || !genesis.Header.PrevHash.IsZero)
            throw new ArgumentException("genesis has height 0 and a zero previous hash", nameof(genesis));
        if (genesis.Header.Bits != Difficulty.InitialBits)
            throw new ArgumentException($"genesis nBits 0x{genesis.Header.Bits:x8} differ from the algorithm's initial "
                + $"0x{Difficulty.InitialBits:x8}", nameof(genesis));
        var txs = BlockChecks.Transactions(genesis);
        if (!txs.IsAccepted) throw new ArgumentException($"genesis: {txs}", nameof(genesis));
    }

    private void Add(Block block)
    {
        _headers.Add(block.Header);
        _hashes.Add(block.Header.Hash());
        _txCounts.Add(block.Transactions.Count);
    }
}
