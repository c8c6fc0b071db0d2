using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Simulation;

public class RewardModeTests
{
    private static readonly Role[] Dtu = [Role.DataProvider, Role.Trainer, Role.ServiceUser];

    // Pool mode: agent i gets ⌊P·R_i/ΣR⌋, so a role's total is P · (weight·Σ its values) / ΣR, less
    // under one unit per agent; the payouts never exceed P and the dust stays in the treasury.
    // Participation 0.9 also thins the committee, so some epochs may be rejected: those pay nothing
    // and their unburned fees wait in the treasury.
    [Fact]
    public async Task PoolModePaysAtMostThePoolSplitByRoleScores()
    {
        var s = new SmallScenario
        {
            Epochs = 12, FeeBurnFraction = 0.4, Participation = 0.9, VoteValidProbability = 1, Alpha = 0.5,
            Beta = 0.2, Gamma = 0.3
        };
        var rows = await DirectRun.RunAsync(s);
        Assert.True(rows.Count(r => r.Accepted) >= 8);
        long carried = 0;
        foreach (var r in rows)
        {
            var paid = Dtu.Sum(r.RewardTotal);
            if (!r.Accepted)
            {
                Assert.Equal(0, paid);
                Assert.Equal(0, r.Pool);
                Assert.Equal(carried + r.FeesPaid - r.FeesBurned, r.Treasury);
                carried = r.Treasury;
                continue;
            }
            Assert.True(paid <= r.Pool, $"epoch {r.Epoch}: paid {paid} of pool {r.Pool}");
            Assert.True(r.Pool - paid < s.Providers + s.Trainers + s.Users, $"epoch {r.Epoch}: dust {r.Pool - paid}");
            Assert.Equal(r.Pool - paid, r.Treasury); // the dust is carried in the treasury
            // The pool is this epoch's emission plus unburned fees plus what the treasury carried over.
            Assert.Equal(TokenUnits.FromTokens(10_000) + r.FeesPaid - r.FeesBurned + carried, r.Pool);
            carried = r.Treasury;

            double[] roleScore = [0.5 * r.ValueData, 0.2 * r.ValueTraining, 0.3 * r.ValueUsage];
            var total = roleScore.Sum();
            for (var k = 0; k < 3; k++)
            {
                var expected = r.Pool * roleScore[k] / total;
                var agents = r.ActiveByRole[k];
                Assert.InRange(r.RewardsByRole[k], expected - agents - 1, expected + 1);
            }
        }
    }

    // Shares mode (docs/model.md §17.7): α, β, γ are the roles' parts of the pool, P_D = ⌊P·α⌋ and so
    // on, each split among the role's members by R_i; the parts' dust stays in the treasury. Unlike
    // pool mode, a role's total does not depend on the scale of the other roles' values.
    [Fact]
    public async Task SharesModeGivesEachRoleItsWeightOfThePool()
    {
        var s = new SmallScenario
        {
            Epochs = 8, Mode = RewardMode.Shares, VoteValidProbability = 1, FeeBurnFraction = 1, Alpha = 0.5, Beta = 0.2, Gamma = 0.3,
        };
        var rows = await DirectRun.RunAsync(s);
        double[] weights = [0.5, 0.2, 0.3];
        long carried = 0;
        foreach (var r in rows.Where(r => r.Accepted))
        {
            Assert.Equal(TokenUnits.FromTokens(10_000) + carried, r.Pool); // fees all burned: the emission and the dust carried
            for (var k = 0; k < 3; k++)
            {
                var part = (long)Math.Floor(r.Pool * (decimal)weights[k]);
                Assert.InRange(r.RewardsByRole[k], part - r.ActiveByRole[k], part);
            }
            Assert.Equal(r.Pool - Dtu.Sum(r.RewardTotal), r.Treasury);
            carried = r.Treasury;
        }
        Assert.Contains(rows, r => r.Accepted);
    }

    // Absolute mode: each D/T/U agent is minted R_i tokens (rounded down to the base unit); no pool.
    [Fact]
    public async Task AbsoluteModeMintsEachRewardAsComputed()
    {
        var s = new SmallScenario { Epochs = 10, Mode = RewardMode.Absolute, VoteValidProbability = 1, FeeBurnFraction = 0.25 };
        var rows = await DirectRun.RunAsync(s);
        long fees = 0;
        foreach (var r in rows)
        {
            Assert.Equal(0, r.Pool);
            double[] expectedTokens = [0.4 * r.ValueData, 0.3 * r.ValueTraining, 0.3 * r.ValueUsage];
            for (var k = 0; k < 3; k++)
            {
                var expected = expectedTokens[k] * TokenUnits.PerToken;
                Assert.InRange(r.RewardsByRole[k], expected - r.ActiveByRole[k] - 1, expected + 1);
            }
            Assert.Equal(Dtu.Sum(r.RewardTotal) + r.RewardTotal(Role.Miner) + r.RewardTotal(Role.Validator), r.Minted);
            fees += r.FeesPaid - r.FeesBurned;
            Assert.Equal(fees, r.Treasury); // unburned fees accumulate; nothing is paid out of the treasury
        }
    }

    // A rejected epoch (no valid votes among 7 validators) pays providers, trainers and users nothing,
    // mints no emission, and records no training value, but miners still earn their block rewards and
    // the proposer its reward.
    [Fact]
    public async Task ARejectedEpochPaysDtuNothingButMinersStillEarn()
    {
        var s = new SmallScenario { Epochs = 8, VoteValidProbability = 0, FeeBurnFraction = 0.5 };
        var rows = await DirectRun.RunAsync(s);
        long treasury = 0;
        foreach (var r in rows)
        {
            Assert.False(r.Accepted);
            Assert.Equal(0, r.ValidVotes);
            Assert.Equal(5, r.Quorum);
            foreach (var role in Dtu) Assert.Equal(0, r.RewardTotal(role));
            Assert.Equal(0, r.ValueTraining);
            Assert.True(r.ValueData > 0);
            Assert.Equal(0, r.Pool);
            Assert.True(r.Blocks > 0);
            Assert.Equal(r.Blocks * 50 * TokenUnits.PerToken, r.RewardTotal(Role.Miner));
            Assert.Equal(20 * TokenUnits.PerToken, r.RewardTotal(Role.Validator));
            Assert.Equal(r.RewardTotal(Role.Miner) + r.RewardTotal(Role.Validator), r.Minted);
            treasury += r.FeesPaid - r.FeesBurned;
            Assert.Equal(treasury, r.Treasury); // fees wait in the treasury for an accepted epoch
        }

        // The same economy accepted: D/T/U are paid and the waiting treasury is part of the first pool.
        var accepted = await DirectRun.RunAsync(s with { VoteValidProbability = 1 });
        Assert.All(accepted, r => Assert.True(Dtu.Sum(r.RewardTotal) > 0));
    }

    [Fact]
    public async Task WithoutValidatorsEveryEpochIsAccepted()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario { Epochs = 5, Validators = 0, VoteValidProbability = 0 });
        Assert.All(rows, r =>
        {
            Assert.True(r.Accepted);
            Assert.Equal(0, r.RewardTotal(Role.Validator)); // no proposer either
            Assert.True(Dtu.Sum(r.RewardTotal) > 0);
        });
    }

    // A role with zero weight earns nothing; the others share the whole pool.
    [Fact]
    public async Task AZeroWeightRoleEarnsNothing()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario { Epochs = 4, Alpha = 0.5, Beta = 0.5, Gamma = 0, VoteValidProbability = 1 });
        Assert.All(rows, r =>
        {
            Assert.Equal(0, r.RewardTotal(Role.ServiceUser));
            Assert.True(r.RewardTotal(Role.DataProvider) > 0 && r.RewardTotal(Role.Trainer) > 0);
            Assert.Equal(0.0, r.Gamma);
        });
    }

    [Fact]
    public async Task RewardMeanIsOverTheWholePopulation()
    {
        var s = new SmallScenario { Epochs = 3, Participation = 0.5 };
        var rows = await DirectRun.RunAsync(s);
        Assert.All(rows, r =>
        {
            Assert.Equal(r.RewardTotal(Role.DataProvider) / (double)s.Providers, r.RewardMean(Role.DataProvider));
            Assert.Equal(r.RewardTotal(Role.Miner) / (double)s.Miners, r.RewardMean(Role.Miner));
            Assert.Equal([s.Providers, s.Trainers, s.Users, s.Validators, s.Miners], r.PopulationByRole);
        });
    }
}
