using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Agents;

public class AgentShardTests
{
    private static RunModel Model(double participation = 1.0) => new(new Scenario
    {
        Run = new RunSection { Seed = 3, Epochs = 5 },
        Populations = new PopulationsSection
        {
            DataProviders = new DataProviderPopulation { Count = 6, Participation = participation },
            Trainers = new TrainerPopulation { Count = 4, Participation = participation },
            Users = new UserPopulation { Count = 5, Participation = participation },
            Validators = new ValidatorPopulation { Count = 4, Participation = participation },
            Miners = new MinerPopulation { Count = 3, Participation = participation },
        },
    });

    private static AgentShard[] Split(RunModel model, int perShard) =>
        [.. model.Layout.Shards(perShard).Select(s => new AgentShard(model, s.First, s.Count))];

    private static ContributionReport Draw(AgentShard shard, int epoch) => shard.Step(new StepOrder(null, null, null, epoch)).Contribution!;

    private static ScoreReport Score(AgentShard shard, ScoreOrder order) => shard.Step(new StepOrder(null, null, order, null)).Score!;

    private static SettleReport Settle(AgentShard shard, SettleOrder order) => shard.Step(new StepOrder(order, null, null, null)).Settled!;

    private static string Describe(ContributionReport c) => string.Join("|",
        string.Join(",", c.ActiveByRole), c.QualitySum, c.DataValueSum, c.GpuHoursSum, c.UsageValueSum, c.Calls,
        c.ValidVotes, string.Join(",", c.MinerIds), string.Join(",", c.MinerHashrates.Select(h => h.ToString("R"))),
        string.Join(",", c.ValidatorIds), string.Join(",", c.ValidatorStakes.Select(s => s.ToString("R"))));

    private static string Describe(ScoreReport s) => string.Join(",", s.ScoreByRole) + "|" + s.TrainingValueSum;

    // The heart of "agents_per_grain never changes a result" at the shard level: each agent draws
    // from its own stream, so however the ids are cut into shards the merged reports are identical.
    [Theory]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void HowAgentsAreShardedChangesNoReport(double participation)
    {
        var model = Model(participation);
        var layouts = new[] { 22, 1, 5, 7 }.Select(k => Split(model, k)).ToArray();
        var weights = new RewardWeights(0.4, 0.3, 0.3);
        for (var epoch = 0; epoch < 4; epoch++)
        {
            var contributions = layouts.Select(shards =>
                Describe(ContributionReport.Merge([.. shards.Select(s => Draw(s, epoch))]))).ToArray();
            Assert.All(contributions, c => Assert.Equal(contributions[0], c));
            var scores = layouts.Select(shards =>
                Describe(ScoreReport.Merge([.. shards.Select(s => Score(s, new ScoreOrder(epoch, 0.8, weights)))]))).ToArray();
            Assert.All(scores, s => Assert.Equal(scores[0], s));
        }
    }

    [Fact]
    public void EveryAgentStartsWithTheInitialBalance()
    {
        var model = Model();
        var shard = new AgentShard(model, 0, model.Layout.Total);
        Assert.Equal(22 * 100 * TokenUnits.PerToken, shard.TotalBalance());
        Assert.Equal(100 * TokenUnits.PerToken, shard.BalanceOf(21));
    }

    [Fact]
    public void ActiveAgentsOfEveryRoleAreReportedInIdOrder()
    {
        var model = Model();
        var shard = new AgentShard(model, 0, model.Layout.Total);
        var c = Draw(shard, 0);
        Assert.Equal([6, 4, 5, 4, 3], c.ActiveByRole);
        Assert.Equal([15, 16, 17, 18], c.ValidatorIds);
        Assert.Equal([19, 20, 21], c.MinerIds);
        Assert.All(c.MinerHashrates, h => Assert.True(h > 0));
        Assert.All(c.ValidatorStakes, s => Assert.True(s > 0));
        Assert.InRange(c.ValidVotes, 0, 4);
        Assert.True(c.Calls > 0);
        var before = shard.TotalBalance();
        var fees = shard.Step(new StepOrder(null, 0, null, null)).FeesPaid;
        Assert.Equal(c.Calls * TokenUnits.FromTokens(0.01), fees); // nobody hits the balance cap here
        Assert.Equal(before - fees, shard.TotalBalance());
    }

    [Fact]
    public void CreditsOutsideTheShardAreIgnoredAndInsideAreBookedToTheRole()
    {
        var model = Model();
        var shard = new AgentShard(model, 15, 7); // validators 15..18, miners 19..21
        Draw(shard, 0);
        var before = shard.TotalBalance();
        var report = shard.Step(new StepOrder(
            new SettleOrder(0, Accepted: false, RewardMode.Pool, Pool: 0, ScoreTotal: 0,
                [new AgentCredit(20, 50), new AgentCredit(20, 50), new AgentCredit(16, 20), new AgentCredit(3, 1_000), new AgentCredit(40, 1)]),
            null, null, null));
        Assert.Null(report.Contribution);
        Assert.Null(report.Score);
        Assert.Null(report.FeesPaid);
        var settled = report.Settled!;
        Assert.Equal(before + 120, shard.TotalBalance());
        Assert.Equal([0L, 0, 0, 20, 100], settled.RewardsByRole);
        Assert.Equal([0L, 0, 0, 0, 0], settled.PoolPaidByRole);
        Assert.Equal(Enumerable.Range(15, 7).Select(shard.BalanceOf).Order(), settled.SortedBalances);
    }

    [Fact]
    public void ARejectedEpochPaysNoPoolShares()
    {
        var model = Model();
        var shard = new AgentShard(model, 0, model.Layout.Total);
        Draw(shard, 0);
        var scores = Score(shard, new ScoreOrder(0, 0.8, new RewardWeights(0.4, 0.3, 0.3)));
        Int128 total = 0;
        foreach (var s in scores.ScoreByRole) total += s;
        var before = shard.TotalBalance();
        var settled = Settle(shard, new SettleOrder(0, false, RewardMode.Pool, 1_000_000, total, []));
        Assert.Equal(before, shard.TotalBalance());
        Assert.All(settled.RewardsByRole, r => Assert.Equal(0, r));
    }

    [Fact]
    public void AnAcceptedPoolEpochPaysAtMostThePoolSplitByScore()
    {
        var model = Model();
        var shard = new AgentShard(model, 0, model.Layout.Total);
        Draw(shard, 0);
        var scores = Score(shard, new ScoreOrder(0, 0.8, new RewardWeights(0.4, 0.3, 0.3)));
        Int128 total = 0;
        foreach (var s in scores.ScoreByRole) total += s;
        const long pool = 1_000 * TokenUnits.PerToken;
        var settled = Settle(shard, new SettleOrder(0, true, RewardMode.Pool, pool, total, []));
        Assert.True(settled.PoolPaidByRole.Sum() <= pool);
        Assert.True(pool - settled.PoolPaidByRole.Sum() < 15); // < one unit lost per D/T/U agent
        for (var r = 0; r < 3; r++)
        {
            var expected = (double)(pool * scores.ScoreByRole[r] / total);
            Assert.InRange(settled.PoolPaidByRole[r], expected - model.Layout.CountOf((Role)r), expected);
        }
        Assert.Equal(settled.PoolPaidByRole, settled.RewardsByRole);
    }

    [Fact]
    public void ShardBoundsAreChecked()
    {
        var model = Model();
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentShard(model, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentShard(model, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgentShard(model, 20, 3));
    }
}

public class HashrateEnvironmentTests
{
    [Fact]
    public void GrowthShockAndRecoveryMultiply()
    {
        var miners = new MinerPopulation { GrowthPerEpoch = 0.1, ShockEpoch = 3, ShockFactor = 0.5, ShockEndEpoch = 5 };
        Assert.Equal(1.0, HashrateEnvironment.Factor(miners, 1, 0));
        Assert.Equal(1.21, HashrateEnvironment.Factor(miners, 1, 2), 12);
        Assert.Equal(0.5 * Math.Pow(1.1, 3), HashrateEnvironment.Factor(miners, 1, 3), 12);
        Assert.Equal(0.5 * Math.Pow(1.1, 4), HashrateEnvironment.Factor(miners, 1, 4), 12);
        Assert.Equal(Math.Pow(1.1, 5), HashrateEnvironment.Factor(miners, 1, 5), 12); // recovered
    }

    [Fact]
    public void SwitchingMultipliesTheSecondHalfOfEveryPeriod()
    {
        var miners = new MinerPopulation { SwitchPeriod = 6, SwitchFactor = 3 };
        double[] expected = [1, 1, 1, 3, 3, 3, 1, 1, 1, 3, 3, 3, 1];
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(e => HashrateEnvironment.Factor(miners, 1, e)));
    }

    [Fact]
    public void TheRandomWalkIsSeededSharedAndHasTheStatedSpread()
    {
        var miners = new MinerPopulation { RandomWalkSigma = 0.1 };
        Assert.Equal(HashrateEnvironment.Factor(miners, 7, 40), HashrateEnvironment.Factor(miners, 7, 40));
        Assert.NotEqual(HashrateEnvironment.Factor(miners, 7, 40), HashrateEnvironment.Factor(miners, 8, 40));
        // log factor after 100 epochs ~ Normal(0, 0.1²·100): over 300 seeds its sd is 1 ± 0.15.
        var logs = Enumerable.Range(0, 300).Select(s => Math.Log(HashrateEnvironment.Factor(miners, s, 100))).ToArray();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
        Assert.InRange(sd, 0.85, 1.15);
    }

    // The epoch loop advances one running walk; it must give the from-scratch factor to the bit.
    [Fact]
    public void TheRunningWalkEqualsTheFactorComputedFromScratch()
    {
        var miners = new MinerPopulation { RandomWalkSigma = 0.2, GrowthPerEpoch = 0.01 };
        var walk = new HashrateEnvironment.Walk(runSeed: 4);
        for (var e = 0; e < 60; e++)
            Assert.Equal(HashrateEnvironment.Factor(miners, 4, e), HashrateEnvironment.FactorWithWalk(miners, e, walk.SumTo(e)));
        Assert.Throws<ArgumentOutOfRangeException>(() => walk.SumTo(3));
    }
}
