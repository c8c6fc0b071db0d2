using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Simulation;

public class ParticipationAndBlocksTests
{
    // Participation p: each agent takes part in an epoch with probability p, so a role's active count
    // is Binomial(N, p) per epoch; over all epochs the share must be p within a few standard errors.
    [Fact]
    public async Task ParticipationBelowOneGivesActiveCountsBelowThePopulation()
    {
        var s = new SmallScenario { Epochs = 30, Participation = 0.6, VoteValidProbability = 1 };
        var rows = await DirectRun.RunAsync(s);
        foreach (var role in Roles.All)
        {
            var population = rows[0].PopulationByRole[(int)role];
            Assert.All(rows, r => Assert.InRange(r.ActiveByRole[(int)role], 0, population));
            Assert.Contains(rows, r => r.ActiveByRole[(int)role] < population);
            var trials = population * rows.Count;
            var share = rows.Sum(r => r.ActiveByRole[(int)role]) / (double)trials;
            Assert.True(Math.Abs(share - 0.6) < 4 * Math.Sqrt(0.6 * 0.4 / trials), $"{role}: active share {share}");
        }
        // Absent validators do not vote: valid votes never exceed the validators present.
        Assert.All(rows, r => Assert.InRange(r.ValidVotes, 0, r.ActiveByRole[(int)Role.Validator]));
    }

    [Fact]
    public async Task FullParticipationMakesEveryoneActive()
    {
        var s = new SmallScenario { Epochs = 3 };
        var rows = await DirectRun.RunAsync(s);
        Assert.All(rows, r => Assert.Equal(r.PopulationByRole, r.ActiveByRole));
    }

    [Fact]
    public async Task FixedTimingGivesExactlyEpochLengthOverTargetBlocks()
    {
        var s = new SmallScenario { Epochs = 5, BlockTiming = BlockTiming.Fixed, TargetBlockTime = 600 };
        var rows = await DirectRun.RunAsync(s);
        Assert.All(rows, r =>
        {
            Assert.Equal(144, r.Blocks);
            Assert.Equal(600, r.MeanBlockTime);
            Assert.Equal(0, r.BlockTimeDeviation);
        });

        var ten = await DirectRun.RunAsync(s with { Epochs = 2, EpochLength = 6_000, TargetBlockTime = 600 });
        Assert.All(ten, r => Assert.Equal(10, r.Blocks));
    }

    // Poisson timing: blocks arrive as a Poisson process of rate H/(D·2³²) = 1/target at the initial
    // hashrate. Over 200 days: 28 800 expected blocks (sd ≈ 170); the mean inter-block time over the
    // run is the time of the last block over the number of blocks, target ± 600/√N.
    [Fact]
    public async Task PoissonTimingHasAMeanBlockTimeNearTheTarget()
    {
        var s = new SmallScenario { Epochs = 200, Providers = 2, Trainers = 2, Users = 2, Validators = 4, Miners = 5, AgentsPerGrain = 100 };
        var rows = await DirectRun.RunAsync(s);
        var blocks = rows.Sum(r => r.Blocks);
        Assert.True(Math.Abs(blocks - 28_800) < 4 * Math.Sqrt(28_800), $"{blocks} blocks");
        // Σ mean_block_time·blocks telescopes to the time of the last block.
        var lastBlockTime = rows.Where(r => r.Blocks > 0).Sum(r => r.MeanBlockTime * r.Blocks);
        Assert.InRange(lastBlockTime, 199 * 86_400.0, 200 * 86_400.0);
        var mean = lastBlockTime / blocks;
        Assert.True(Math.Abs(mean - 600) < 4 * 600 / Math.Sqrt(blocks), $"mean block time {mean}");
        // Difficulty is fixed at the first epoch's hashrate (to the precision of compact nBits),
        // which with full participation never changes.
        Assert.All(rows, r => Assert.Equal(1, r.Difficulty / (600 * rows[0].Hashrate), 4));
        Assert.All(rows, r => Assert.Equal(rows[0].Difficulty, r.Difficulty));
        Assert.All(rows, r => Assert.Equal(rows[0].Hashrate, r.Hashrate));
        Assert.All(rows.Where(r => r.Blocks > 0), r => Assert.Equal((r.MeanBlockTime - 600) / 600, r.BlockTimeDeviation, 12));
    }

    [Fact]
    public async Task WithoutMinersThereAreNoBlocks()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario { Epochs = 3, Miners = 0 });
        Assert.All(rows, r =>
        {
            Assert.Equal(0, r.Blocks);
            Assert.True(double.IsNaN(r.MeanBlockTime));
            Assert.Equal(0, r.RewardTotal(Role.Miner));
        });
    }
}
