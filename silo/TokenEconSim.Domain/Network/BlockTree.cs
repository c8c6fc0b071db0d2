using System.Numerics;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Network;

/// <summary>
/// Every valid block any node has seen, as a tree rooted at genesis. A block is accepted when its parent is
/// in the tree and it passes <see cref="BlockChecks"/> against the branch ending at that parent, so forks are
/// validated by the same rules as the linear <see cref="Blockchain"/>. Nodes' views are subsets of this
/// tree; a block's validity does not depend on who checks it, so the tree checks it once.
/// </summary>
public sealed class BlockTree
{
    private readonly Dictionary<Hash256, TreeBlock> _byHash = [];
    private readonly List<TreeBlock> _blocks = [];
    private uint _lastBits;
    private UInt128 _lastWork;

    public BlockTree(Block genesis, IDifficultyAlgorithm difficulty, ChainRules rules)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        Difficulty = difficulty ?? throw new ArgumentNullException(nameof(difficulty));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        // The linear chain's constructor checks genesis the same way; reuse it rather than repeat the rules.
        _ = new Blockchain(genesis, difficulty, rules);
        Genesis = Insert(genesis, genesis.Hash(), null);
    }

    public IDifficultyAlgorithm Difficulty { get; }
    public ChainRules Rules { get; }
    public TreeBlock Genesis { get; }
    public IReadOnlyList<TreeBlock> Blocks => _blocks;
    public int Count => _blocks.Count;

    public TreeBlock? Find(Hash256 hash) => _byHash.GetValueOrDefault(hash);

    /// <summary>Validates a block against its branch and adds it; a block already in the tree is returned as accepted.</summary>
    public BlockVerdict Add(Block block, long now, out TreeBlock? added)
    {
        ArgumentNullException.ThrowIfNull(block);
        var hash = block.Hash();
        if (_byHash.TryGetValue(hash, out added)) return BlockVerdict.Accepted;
        if (Find(block.Header.PrevHash) is not { } parent)
            return BlockVerdict.Reject(BlockRejection.BadPrevHash, $"prev-blk-not-found: {block.Header.PrevHash} is not in the tree");
        var verdict = BlockChecks.All(block, new BranchHistory(parent), parent.Hash, Difficulty, Rules, now);
        if (verdict.IsAccepted) added = Insert(block, hash, parent);
        return verdict;
    }

    /// <summary>nBits a block on <paramref name="parent"/> stamped <paramref name="time"/> must carry.</summary>
    public uint RequiredBits(TreeBlock parent, uint time) => Difficulty.NextBits(new BranchHistory(parent), new NextBlock(time));

    /// <summary>The earliest valid time of a child of <paramref name="parent"/>: its median time past + 1.</summary>
    public static long MinimumChildTime(TreeBlock parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.MedianTimePast is not { } mtp) parent.MedianTimePast = mtp = MedianTimePast.OfTip(new BranchHistory(parent));
        return mtp + 1;
    }

    /// <summary>The block with the most work; the earliest accepted on ties (the first seen).</summary>
    public TreeBlock BestTip()
    {
        var best = _blocks[0];
        foreach (var b in _blocks)
            if (b.HasMoreWorkThan(best)) best = b;
        return best;
    }

    /// <summary>Bitcoin's GetBlockProof: 2²⁵⁶ / (target + 1), exact.</summary>
    public static UInt128 BlockWork(uint bits)
    {
        var target = CompactTarget.ToTarget(bits);
        return (UInt128)((BigInteger.One << 256) / (target + 1));
    }

    private TreeBlock Insert(Block block, Hash256 hash, TreeBlock? parent)
    {
        if (block.Header.Bits != _lastBits || _blocks.Count == 0) (_lastBits, _lastWork) = (block.Header.Bits, BlockWork(block.Header.Bits));
        var work = checked((parent?.Work ?? UInt128.Zero) + _lastWork);
        var node = new TreeBlock(block, hash, parent, work, _blocks.Count);
        _byHash.Add(hash, node);
        _blocks.Add(node);
        return node;
    }
}
