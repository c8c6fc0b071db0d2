using System.Numerics;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Chain;

public class BlockchainTests
{
    private const uint EasyBits = 0x207fffff; // regtest's powLimit: about half of all hashes pass
    private const long Now = 1_000_000;

    // A chain of 12 blocks 600 s apart from time 1000, real proof of work.
    private static Blockchain Valid12(ChainRules? rules = null)
    {
        var chain = Blockchain.WithGenesis(42, new FixedDifficulty(EasyBits), rules ?? ChainRules.Default, 1000);
        for (var i = 1; i <= 11; i++) Assert.True(chain.Append(ChainBuilder.Next(chain, 1000u + 600u * (uint)i), Now).IsAccepted);
        return chain;
    }

    [Fact]
    public void ValidBlocksAreAppended()
    {
        var chain = Valid12();
        Assert.Equal(12, chain.Count);
        Assert.Equal(chain.Headers[^1].Hash(), chain.TipHash);
        Assert.Equal(2, chain.TransactionCount(5));
    }

    [Fact]
    public void WrongHeightIsRejected()
    {
        var chain = Valid12();
        var block = ChainBuilder.Next(chain, 9000);
        AssertRejected(chain, block with { Height = chain.Count + 1 }, BlockRejection.BadHeight);
    }

    [Fact]
    public void WrongPreviousHashIsRejected()
    {
        var chain = Valid12();
        var block = ChainBuilder.Mine(Block.Assemble(chain.Count, chain.Hash(chain.TipHeight - 1), 9000, EasyBits,
            [ChainTransaction.Reward(1, 50)], 1));
        AssertRejected(chain, block, BlockRejection.BadPrevHash);
    }

    // Times 1000 + 600·k for k = 1..11: the median of the last 11 is k = 6, time 4600.
    [Fact]
    public void TimeAtOrBeforeMedianTimePastIsRejected()
    {
        var chain = Valid12();
        Assert.Equal(4601, chain.MinimumNextTime);
        AssertRejected(chain, ChainBuilder.Next(chain, 4600), BlockRejection.TimeTooOld);
        Assert.True(chain.Validate(ChainBuilder.Next(chain, 4601), Now).IsAccepted); // earlier than the tip, still valid
    }

    [Fact]
    public void TimeTooFarInTheFutureIsRejected()
    {
        var chain = Valid12();
        var limit = Now + ChainRules.BitcoinMaxFutureBlockTime;
        Assert.True(chain.Validate(ChainBuilder.Next(chain, (uint)limit), Now).IsAccepted);
        AssertRejected(chain, ChainBuilder.Next(chain, (uint)limit + 1), BlockRejection.TimeTooNew);
        var strict = Valid12(ChainRules.Default with { MaxFutureBlockTime = 10 });
        AssertRejected(strict, ChainBuilder.Next(strict, (uint)Now + 11), BlockRejection.TimeTooNew);
    }

    [Fact]
    public void BitsOtherThanRequiredAreRejected()
    {
        var chain = Valid12();
        var harder = ChainBuilder.Mine(Block.Assemble(chain.Count, chain.TipHash, 9000, 0x1f7fffff, [ChainTransaction.Reward(1, 50)], 1));
        AssertRejected(chain, harder, BlockRejection.BadBits);
    }

    [Fact]
    public void HashAboveTargetIsRejected()
    {
        var chain = Valid12();
        var template = Block.Assemble(chain.Count, chain.TipHash, 9000, EasyBits, [ChainTransaction.Reward(1, 50)], 1);
        AssertRejected(chain, ChainBuilder.Mine(template, wantValid: false), BlockRejection.HighHash);
    }

    [Fact]
    public void MerkleRootNotMatchingTheTransactionsIsRejected()
    {
        var chain = Valid12();
        var block = ChainBuilder.Next(chain, 9000);
        AssertRejected(chain, block with { Transactions = [ChainTransaction.Reward(1, 51), block.Transactions[1]] }, BlockRejection.BadMerkleRoot);
    }

    // CVE-2012-2459's shape: [a, b, c] and [a, b, c, c] share a root; the repeat is what gives it away.
    [Fact]
    public void RepeatedTransactionIsRejected()
    {
        var chain = Valid12();
        ChainTransaction[] txs = [ChainTransaction.Reward(1, 50), ChainTransaction.Fee(2, 3), ChainTransaction.Slash(4, 5)];
        var padded = ChainBuilder.Next(chain, 9000, [.. txs, txs[2]]);
        Assert.Equal(MerkleTree.Root(txs, out _), padded.Header.MerkleRoot);
        AssertRejected(chain, padded, BlockRejection.DuplicateTransaction);
    }

    // A difficulty algorithm that demands nBits above its own pow limit cannot lower the bar.
    [Fact]
    public void TargetAboveThePowLimitIsRejected()
    {
        var chain = Blockchain.WithGenesis(1, new LaxAlgorithm(), ChainRules.Default);
        var block = ChainBuilder.Mine(Block.Assemble(1, chain.TipHash, 600, EasyBits, [ChainTransaction.Reward(1, 50)], 1));
        AssertRejected(chain, block, BlockRejection.InvalidTarget);
    }

    [Fact]
    public void SampledProofSkipsOnlyTheHashComparison()
    {
        var chain = Valid12(ChainRules.Default with { Proof = ProofMode.Sampled });
        var template = Block.Assemble(chain.Count, chain.TipHash, 9000, EasyBits, [ChainTransaction.Reward(1, 50)], 1);
        Assert.True(chain.Validate(ChainBuilder.Mine(template, wantValid: false), Now).IsAccepted);
        var harder = template with { Header = template.Header with { Bits = 0x1f7fffff } };
        AssertRejected(chain, harder, BlockRejection.BadBits);
        AssertRejected(chain, template with { Header = template.Header with { Time = 4600 } }, BlockRejection.TimeTooOld);
        AssertRejected(chain, template with { Transactions = [ChainTransaction.Reward(1, 49)] }, BlockRejection.BadMerkleRoot);
    }

    [Fact]
    public void GenesisIsAFunctionOfTheSeed()
    {
        var a = Blockchain.WithGenesis(7, new FixedDifficulty(EasyBits), ChainRules.Default);
        var b = Blockchain.WithGenesis(7, new FixedDifficulty(EasyBits), ChainRules.Default);
        var c = Blockchain.WithGenesis(8, new FixedDifficulty(EasyBits), ChainRules.Default);
        Assert.Equal(a.TipHash, b.TipHash);
        Assert.NotEqual(a.TipHash, c.TipHash);
        Assert.Equal(EasyBits, a.Tip.Bits);
        Assert.True(a.Tip.PrevHash.IsZero);
    }

    [Fact]
    public void GenesisMustCarryTheInitialBits()
    {
        var g = Genesis.Create(1, 0x1f7fffff);
        Assert.Throws<ArgumentException>(() => new Blockchain(g, new FixedDifficulty(EasyBits), ChainRules.Default));
    }

    // Adaptive algorithms end to end: every block mined to the algorithm's required bits is
    // accepted, and an independent audit of the real-hashing chain passes.
    [Theory]
    [InlineData(DifficultyAlgorithmKind.Bitcoin)]
    [InlineData(DifficultyAlgorithmKind.Asert)]
    [InlineData(DifficultyAlgorithmKind.Ethereum)]
    public void AdaptiveChainsAcceptTheirOwnRequiredBitsAndPassTheAudit(DifficultyAlgorithmKind algorithm)
    {
        var s = new DifficultySettings
        {
            TargetSpacing = 60, RetargetWindow = 5, HalfLife = 600, PowLimit = (BigInteger.One << 252) - 1,
            EthereumMinimumDifficulty = 4096, EthereumDurationLimit = 60, // Homestead moves only once D ≥ 2048
        };
        var difficulty = DifficultyAlgorithms.Create(algorithm, s);
        var chain = Blockchain.WithGenesis(3, difficulty, ChainRules.Default);
        for (var i = 1; i <= 20; i++)
            Assert.True(chain.Append(ChainBuilder.Next(chain, 20u * (uint)i), Now).IsAccepted, $"block {i}");
        var bits = chain.Headers.Select(h => h.Bits).Distinct().Count();
        Assert.True(bits > 1, "fast blocks should have raised the difficulty");
        Assert.True(ChainAudit.Verify(chain.Headers, difficulty.PowLimit).Ok);
    }

    private static void AssertRejected(Blockchain chain, Block block, BlockRejection expected)
    {
        var count = chain.Count;
        var verdict = chain.Append(block, Now);
        Assert.Equal(expected, verdict.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
        Assert.Equal(count, chain.Count);
    }

    private sealed class LaxAlgorithm : IDifficultyAlgorithm
    {
        public string Name => "lax";
        public uint InitialBits => EasyBits;
        public BigInteger PowLimit => BigInteger.One << 200;
        public uint NextBits(IChainHistory history, NextBlock next) => EasyBits;
    }
}
