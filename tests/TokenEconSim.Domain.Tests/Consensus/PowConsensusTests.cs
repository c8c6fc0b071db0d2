using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Consensus;

public class PowConsensusTests
{
    // In-process hosts complete synchronously, so the tests can read outcomes inline (and inside LINQ).
    private static ConsensusOutcome Run(ChainConsensus consensus, ConsensusInput input, long seed) =>
        consensus.RunEpochAsync(input, seed).GetAwaiter().GetResult();

    private static ChainConsensus Pow(ConsensusSection consensus, double epochLength) =>
        ConsensusFactory.Create(new Scenario { Run = new RunSection { EpochLength = epochLength }, Consensus = consensus });

    private static ConsensusInput Input(int epoch, double epochLength, double[] hashrates, double[] stakes,
        int validVotes = 0, long blockReward = 50, long proposerReward = 20) =>
        new(epoch, epoch * epochLength, (epoch + 1) * epochLength,
            [.. Enumerable.Range(100, hashrates.Length)], hashrates,
            [.. Enumerable.Range(10, stakes.Length)], stakes,
            validVotes, stakes.Length, blockReward, proposerReward);

    // The genesis target is set once so that the first epoch's hashrate H meets the target T:
    // D ≈ T·H with H in 2³² hashes/s (to the precision of the compact nBits encoding); `fixed` keeps it.
    [Fact]
    public void DifficultyIsFixedAtTheFirstEpochsHashrate()
    {
        var pow = Pow(new ConsensusSection { TargetBlockTime = 600 }, 86_400);
        var first = Run(pow, Input(0, 86_400, [1e6, 3e6], [1]), 1);
        Assert.Equal(1, first.Difficulty / (600 * 4e6), 4);
        Assert.Equal(4e6, first.TotalHashrate);

        var later = Run(pow, Input(1, 86_400, [8e6, 8e6], [1]), 1);
        Assert.Equal(first.Difficulty, later.Difficulty);
        Assert.Equal(16e6, later.TotalHashrate);
        Assert.All(later.BlockRecords, b => Assert.Equal(first.BlockRecords[0].Bits, b.Bits));
    }

    // Poisson timing: the number of blocks in a window of length L is Poisson(L / mean), mean = D·2³²/H.
    // Over 200 one-day epochs at the target hashrate that is 28 800 expected blocks (sd 170).
    // Quadrupling the hashrate afterwards (difficulty fixed) must quadruple the rate.
    [Fact]
    public void PoissonBlockTimesHaveMeanDTimesTwoTo32OverH()
    {
        var pow = Pow(new ConsensusSection { TargetBlockTime = 600 }, 86_400);
        var blocks = 0;
        for (var e = 0; e < 200; e++) blocks += Run(pow, Input(e, 86_400, [2, 3, 5], [1]), 9).Blocks.Count;
        const double expected = 200 * 144;
        Assert.True(Math.Abs(blocks - expected) < 4 * Math.Sqrt(expected), $"{blocks} blocks, expected {expected}");

        var faster = 0;
        for (var e = 200; e < 250; e++) faster += Run(pow, Input(e, 86_400, [8, 12, 20], [1]), 9).Blocks.Count;
        const double expectedFaster = 50 * 144 * 4;
        Assert.True(Math.Abs(faster - expectedFaster) < 4 * Math.Sqrt(expectedFaster), $"{faster} blocks, expected {expectedFaster}");
    }

    [Fact]
    public void PoissonBlocksLieInsideTheirEpochInIncreasingOrderWithIncreasingHeights()
    {
        var pow = Pow(new ConsensusSection { TargetBlockTime = 600 }, 86_400);
        var lastTime = double.NegativeInfinity;
        long lastHeight = 0;
        for (var e = 0; e < 20; e++)
        {
            foreach (var b in Run(pow, Input(e, 86_400, [1, 1], [1]), 3).Blocks)
            {
                Assert.InRange(b.Time, e * 86_400.0, (e + 1) * 86_400.0);
                Assert.True(b.Time > lastTime);
                Assert.Equal(lastHeight + 1, b.Height);
                (lastTime, lastHeight) = (b.Time, b.Height);
            }
        }
        Assert.True(lastHeight > 2_000);
    }

    [Fact]
    public void FixedTimingProducesExactlyEpochLengthOverTargetBlocksAtRegularTimes()
    {
        var pow = Pow(new ConsensusSection { TargetBlockTime = 600, BlockTiming = BlockTiming.Fixed }, 86_400);
        for (var e = 0; e < 3; e++)
        {
            var blocks = Run(pow, Input(e, 86_400, [1, 7], [1]), 3).Blocks;
            Assert.Equal(144, blocks.Count);
            for (var j = 0; j < blocks.Count; j++)
            {
                Assert.Equal(e * 86_400 + (j + 1) * 600.0, blocks[j].Time);
                Assert.Equal(e * 144 + j + 1, blocks[j].Height);
            }
        }
    }

    // docs/model.md §4.3: blocks happen inside epochs. With a target that does not divide the epoch, e.g.
    // 86 400 / 665 = 129.9, round() gives 130 blocks at 665 s spacing, and the 130th would be stamped
    // 86 450 s, 50 s after its epoch ended (and after the next epoch began).
    [Theory]
    [InlineData(665.0)]
    [InlineData(600.0)]
    [InlineData(700.0)]
    public void FixedTimingBlocksLieInsideTheirEpoch(double target)
    {
        var pow = Pow(new ConsensusSection { TargetBlockTime = target, BlockTiming = BlockTiming.Fixed }, 86_400);
        for (var e = 0; e < 2; e++)
            Assert.All(Run(pow, Input(e, 86_400, [1], [1]), 3).Blocks, b => Assert.InRange(b.Time, e * 86_400.0, (e + 1) * 86_400.0));
    }

    // Block winners ∝ hashrate: chi-square over 20 000 fixed-time blocks, df 3, 0.999 quantile 16.27.
    [Fact]
    public void BlockWinnersAreProportionalToHashrate()
    {
        double[] hashrates = [1, 2, 3, 4];
        var pow = Pow(new ConsensusSection { TargetBlockTime = 600, BlockTiming = BlockTiming.Fixed }, 600 * 1_000);
        var counts = new int[4];
        for (var e = 0; e < 20; e++)
            foreach (var b in Run(pow, Input(e, 600 * 1_000, hashrates, [1]), 4).Blocks)
                counts[b.ProducerId - 100]++;
        var n = counts.Sum();
        Assert.Equal(20_000, n);
        var chi2 = Enumerable.Range(0, 4).Sum(i => { var exp = n * hashrates[i] / 10; return (counts[i] - exp) * (counts[i] - exp) / exp; });
        Assert.True(chi2 < 16.27, $"chi-square {chi2}, counts {string.Join(",", counts)}");
    }

    // One proposer per epoch ∝ stake: chi-square over 20 000 epochs.
    [Fact]
    public void ProposerIsDrawnProportionallyToStake()
    {
        double[] stakes = [5, 0, 15, 30];
        var pow = Pow(new ConsensusSection(), 600);
        var counts = new int[4];
        for (var e = 0; e < 20_000; e++)
            counts[Run(pow, Input(e, 600, [], stakes), 6).ProposerId!.Value - 10]++;
        Assert.Equal(0, counts[1]);
        var chi2 = new[] { 0, 2, 3 }.Sum(i => { var exp = 20_000 * stakes[i] / 50; return (counts[i] - exp) * (counts[i] - exp) / exp; });
        Assert.True(chi2 < 13.82, $"chi-square {chi2}, counts {string.Join(",", counts)}"); // df 2
    }

    [Fact]
    public void CreditsAreOneBlockRewardPerBlockPlusTheProposerReward()
    {
        var pow = Pow(new ConsensusSection { BlockTiming = BlockTiming.Fixed, TargetBlockTime = 600 }, 6_000);
        var outcome = Run(pow, Input(0, 6_000, [1, 1, 1], [1, 1], validVotes: 1, blockReward: 50, proposerReward: 20), 2);
        Assert.Equal(10, outcome.Blocks.Count);
        Assert.Equal(outcome.Blocks.Select(b => new AgentCredit(b.ProducerId, 50)).Append(new(outcome.ProposerId!.Value, 20)),
            outcome.Credits);
        Assert.InRange(outcome.ProposerId!.Value, 10, 11);
    }

    [Fact]
    public void NoMinersNoBlocksNoValidatorsNoProposer()
    {
        var pow = Pow(new ConsensusSection(), 86_400);
        var outcome = Run(pow, Input(0, 86_400, [], []), 2);
        Assert.Empty(outcome.Blocks);
        Assert.Null(outcome.ProposerId);
        Assert.Empty(outcome.Credits);
        Assert.True(outcome.Accepted); // no committee
        Assert.True(double.IsNaN(outcome.Difficulty));
    }

    [Fact]
    public void AcceptanceFollowsTheQuorumOfTheWholeCommittee()
    {
        var pow = Pow(new ConsensusSection(), 600);
        Assert.True(Run(pow, Input(0, 600, [1], [1, 1, 1, 1], validVotes: 3), 1).Accepted);
        Assert.False(Run(pow, Input(1, 600, [1], [1, 1, 1, 1], validVotes: 2), 1).Accepted);
    }

    [Fact]
    public void SameSeedSameBlocksDifferentSeedDifferentBlocks()
    {
        static string Blocks(long seed)
        {
            var pow = Pow(new ConsensusSection(), 86_400);
            return string.Join(";", Enumerable.Range(0, 5).SelectMany(e => Run(pow, Input(e, 86_400, [1, 2, 3], [4, 5]), seed).Blocks)
                .Select(b => $"{b.Height}:{b.Time:R}:{b.ProducerId}"));
        }
        Assert.Equal(Blocks(42), Blocks(42));
        Assert.NotEqual(Blocks(42), Blocks(43));
    }
}
