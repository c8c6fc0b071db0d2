using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Network;

/// <summary>
/// A validated block in the <see cref="BlockTree"/>: its parent, height and cumulative work (the sum of
/// 2²⁵⁶ / (target + 1) over it and its ancestors, Bitcoin's chain work), and a skip pointer to an
/// ancestor so any ancestor is found in O(log² height) steps (Bitcoin Core keeps such pointers in its
/// block index for the same reason). <see cref="Index"/> is the order in which the tree accepted it.
/// </summary>
public sealed class TreeBlock
{
    internal TreeBlock(Block block, Hash256 hash, TreeBlock? parent, UInt128 work, int index)
    {
        Block = block;
        Hash = hash;
        Parent = parent;
        Work = work;
        Index = index;
        Skip = parent is null ? null : parent.Ancestor(SkipHeight(block.Height));
    }

    public Block Block { get; }
    public Hash256 Hash { get; }
    public TreeBlock? Parent { get; }
    public UInt128 Work { get; }
    public int Index { get; }
    public long Height => Block.Height;
    public uint Time => Block.Header.Time;
    public uint Bits => Block.Header.Bits;
    public int Producer => Block.ProducerId;
    internal TreeBlock? Skip { get; }

    /// <summary>Median time past of this block, computed once (every miner switching to it asks).</summary>
    internal long? MedianTimePast { get; set; }

    /// <summary>The ancestor at <paramref name="height"/> (itself at its own height).</summary>
    public TreeBlock Ancestor(long height)
    {
        if (height < 0 || height > Height) throw new ArgumentOutOfRangeException(nameof(height));
        var walk = this;
        while (walk.Height > height)
            walk = walk.Skip is { } skip && skip.Height >= height ? skip : walk.Parent!;
        return walk;
    }

    /// <summary>Clears the lowest set bit: 1000 → 992 → 960 …, so long jumps exist from every height.</summary>
    private static long SkipHeight(long height) => height & (height - 1);

    /// <summary>Fork choice: more work wins; on equal work the block seen first stays (Bitcoin Core's rule).</summary>
    public bool HasMoreWorkThan(TreeBlock other) => Work > other.Work;

    public override string ToString() => $"#{Height} {Hash} by {Producer}";
}
