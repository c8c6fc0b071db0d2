using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Network;

namespace TokenEconSim.Domain.Tests.Network;

public class BlockTreeTests
{
    private const uint Bits = 0x207fffff;
    private const long Now = 10_000_000;
    private static readonly ChainRules Sampled = ChainRules.Default with { Proof = ProofMode.Sampled };

    private static BlockTree NewTree() => new(Genesis.Create(7, Bits, 1000), new FixedDifficulty(Bits), Sampled);

    private static Block Child(TreeBlock parent, uint time, int producer, uint bits = Bits) =>
        Block.Assemble(parent.Height + 1, parent.Hash, time, bits, [ChainTransaction.Reward(producer, 50)], producer);

    private static TreeBlock Add(BlockTree tree, Block block)
    {
        var verdict = tree.Add(block, Now, out var added);
        Assert.True(verdict.IsAccepted, verdict.ToString());
        return added!;
    }

    private static TreeBlock Extend(BlockTree tree, TreeBlock from, int blocks, uint start, uint step, int producer)
    {
        for (var i = 0; i < blocks; i++) from = Add(tree, Child(from, start + step * (uint)i, producer));
        return from;
    }

    [Fact]
    public void ForksAreKeptAndEachBranchReadsItsOwnAncestors()
    {
        var tree = NewTree();
        var a = Extend(tree, tree.Genesis, 5, 2000, 600, 1);
        var b = Extend(tree, tree.Genesis, 7, 2000, 100, 2);
        Assert.Equal(13, tree.Count);
        var ha = new BranchHistory(a);
        var hb = new BranchHistory(b);
        Assert.Equal(2000 + 600 * 4, ha.Time(5));
        Assert.Equal(2000 + 100 * 4, hb.Time(5));
        Assert.Equal(1000, hb.Time(0));
        Assert.Equal(a.Ancestor(2).Hash, a.Parent!.Parent!.Parent!.Hash);
    }

    [Fact]
    public void AncestorLookupAgreesWithWalkingParentsOnALongBranch()
    {
        var tree = NewTree();
        var tip = Extend(tree, tree.Genesis, 1500, 2000, 600, 1);
        for (long h = 0; h <= tip.Height; h += 37)
        {
            var walk = tip;
            while (walk.Height > h) walk = walk.Parent!;
            Assert.Same(walk, tip.Ancestor(h));
        }
    }

    // The same rules as the linear chain, checked against the branch: a block whose time is at or below the
    // median time past of its own branch is refused even though the other branch's median is lower.
    [Fact]
    public void ForkBlocksAreValidatedAgainstTheirOwnBranch()
    {
        var tree = NewTree();
        var slow = Extend(tree, tree.Genesis, 11, 2000, 100, 1);   // median time past 2000 + 100·5 = 2500
        var fast = Extend(tree, tree.Genesis, 11, 9000, 1000, 2);  // median time past 9000 + 1000·5 = 14000
        Assert.True(tree.Add(Child(slow, 2600, 3), Now, out _).IsAccepted);
        var refused = tree.Add(Child(fast, 13_000, 3), Now, out var none);
        Assert.Equal(BlockRejection.TimeTooOld, refused.Rejection);
        Assert.Null(none);
        Assert.Equal(BlockRejection.BadBits, tree.Add(Child(fast, 15_000, 3, 0x1f7fffff), Now, out _).Rejection);
        var orphan = Block.Assemble(3, Sha256d.Hash([1]), 20_000, Bits, [ChainTransaction.Reward(3, 50)], 3);
        Assert.Equal(BlockRejection.BadPrevHash, tree.Add(orphan, Now, out _).Rejection);
        var badRoot = Child(fast, 15_000, 3);
        Assert.Equal(BlockRejection.BadMerkleRoot, tree.Add(badRoot with { Transactions = [ChainTransaction.Reward(4, 50)] }, Now, out _)
            .Rejection);
    }

    [Fact]
    public void BlockChecksGiveTheLinearChainsVerdicts()
    {
        var chain = Blockchain.WithGenesis(7, new FixedDifficulty(Bits), Sampled, 1000);
        var tree = NewTree();
        var tip = tree.Genesis;
        for (var i = 1; i <= 15; i++)
        {
            var block = Child(tip, 1000u + 600u * (uint)i, 1);
            Assert.True(chain.Append(block, Now).IsAccepted);
            tip = Add(tree, block);
        }
        foreach (var time in new uint[] { 1000 + 600 * 9, 1000 + 600 * 10, (uint)Now + 7200, (uint)Now + 7201 })
            Assert.Equal(chain.Validate(Child(tip, time, 2), Now).Rejection, tree.Add(Child(tip, time, 2), Now, out _).Rejection);
    }

    // Bitcoin Core's fork choice: most cumulative work; on equal work the block seen first.
    [Fact]
    public void BestTipIsMostWorkThenFirstSeen()
    {
        var tree = NewTree();
        var first = Extend(tree, tree.Genesis, 3, 2000, 600, 1);
        var second = Extend(tree, tree.Genesis, 3, 2000, 600, 2);
        Assert.Equal(first.Work, second.Work);
        Assert.Same(first, tree.BestTip());
        var longer = Extend(tree, second, 1, 5000, 600, 2);
        Assert.Same(longer, tree.BestTip());
        Assert.Equal(BlockTree.BlockWork(Bits) * 5, longer.Work); // genesis and four blocks
        // Bitcoin's genesis carries chain work 0x100010001 (difficulty 1).
        Assert.Equal((UInt128)0x100010001, BlockTree.BlockWork(CompactTarget.DifficultyOneBits));
    }
}
