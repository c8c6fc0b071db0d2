using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>
/// The run's per-agent totals (agents.csv, docs/model.md §17.8) through the real epoch loop: at the end of a run every epoch is paid,
/// the last two not yet settled into the agents' state, and the totals still cover all of them, so they add up to the run's metrics;
/// every shard size gives the same totals; reading them changes nothing; a run whose populations all draw has none.
/// </summary>
public class AgentTotalsTests
{
    private const int Providers = 30, MaxProviders = 45, Trainers = 15, MaxTrainers = 20, Users = 20;

    private static Scenario Responding(int agentsPerGrain)
    {
        var s = new SmallScenario { Epochs = 12, AgentsPerGrain = agentsPerGrain, Providers = Providers, Trainers = Trainers, Users = Users }
            .Build();
        return new Scenario
        {
            Run = s.Run, Token = s.Token, Rewards = s.Rewards, Learning = s.Learning, Consensus = s.Consensus, Populations = s.Populations,
            Behaviour = new BehaviourSection
            {
                DataProviders = new ProviderBehaviour
                {
                    Model = BehaviourModel.Logit, Lambda = 0.5, MaxCount = MaxProviders, Cheating = true, DetectionProbability = 0.5,
                    Stake = 10, Slash = 10, CostPerRecord = 0.05, QualityCost = 0.2,
                },
                Trainers = new TrainerBehaviour { Model = BehaviourModel.BestResponse, Inertia = 0.2, MaxCount = MaxTrainers, CostPerGpuHour = 0.5 },
                Users = new UserBehaviour { Model = BehaviourModel.Logit, Lambda = 2 },
            },
        };
    }

    [Fact]
    public async Task TheTotalsCoverEveryEpochOfTheRunAndAddUpToItsMetrics()
    {
        var run = new DirectRun(Responding(agentsPerGrain: 7));
        var rows = await run.AdvanceAsync();
        Assert.True(run.Loop.IsComplete);
        var before = run.Gateway.Shards.Select(s => s.StateBytes()).ToArray();
        var totals = Assert.IsType<AgentTotals>(await run.Loop.AgentTotalsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, run.Gateway.Shards.Select(s => s.StateBytes()).ToArray()); // read, not settled

        Assert.Equal(MaxProviders + MaxTrainers + Users, totals.Count); // latent agents included
        Assert.Equal([.. Enumerable.Range(0, totals.Count)], totals.Ids); // the responding roles come first in the id layout
        Assert.Equal([.. Enumerable.Repeat(Role.DataProvider, MaxProviders), .. Enumerable.Repeat(Role.Trainer, MaxTrainers),
            .. Enumerable.Repeat(Role.ServiceUser, Users)], totals.Roles);

        var last = rows[^1];
        foreach (var role in totals.Roles.Distinct()) // the responding roles: validators and miners draw here
        {
            var k = BehaviourColumns.Responding.ToList().IndexOf(role);
            var mine = Enumerable.Range(0, totals.Count).Where(a => totals.Roles[a] == role).Select(a => totals.Totals[a]).ToList();
            // Every epoch's pay, the last two (paid, not settled) included: without them these sums fall short.
            Assert.Equal(rows.Sum(r => r.RewardsByRole[(int)role]), mine.Sum(t => t.Reward));
            Assert.True(rows[^1].RewardsByRole[(int)role] + rows[^2].RewardsByRole[(int)role] > 0, $"{role}: the last two epochs paid something");
            Assert.Equal(rows.Sum(r => r.ActiveByRole[(int)role]), mine.Sum(t => t.EpochsActive));
            var cost = rows.Sum(r => BehaviourColumns.CostTotal[k].Read(r));
            // cost_total_* sums each epoch's costs exactly after quantizing each to 2⁻³² token (§7.3): at most 2⁻³³ off per agent-epoch.
            Assert.Equal(cost, mine.Sum(t => t.Cost), mine.Sum(t => t.EpochsActive + 1) * Math.Pow(2, -32));
            Assert.Equal((int)BehaviourColumns.Present[k].Read(last), mine.Count(t => t.Present));
        }
        var all = totals.Totals;
        Assert.Equal(rows.Sum(r => (long)BehaviourColumns.BondSlashed.Read(r)), all.Sum(t => t.Slashed));
        Assert.True(all.Sum(t => t.Slashed) > 0, "some cheat was caught and slashed");
        Assert.Equal((long)BehaviourColumns.Bonded.Read(last), all.Sum(t => t.Bond));
        Assert.All(all, t => Assert.Equal(TokenUnits.ToTokens(t.Reward) - t.Cost - TokenUnits.ToTokens(t.Slashed), t.Profit));
    }

    [Fact]
    public async Task EveryShardSizeGivesTheSameTotalsAndTheyCrossTheWireExactly()
    {
        var reference = await TotalsAt(150);
        foreach (var size in new[] { 1, 7, 64 })
            Assert.Equal(reference.ToBytes(), (await TotalsAt(size)).ToBytes());
        var back = AgentTotals.FromBytes(reference.ToBytes());
        Assert.Equal(reference.Ids, back.Ids);
        Assert.Equal(reference.Roles, back.Roles);
        Assert.Equal(reference.Totals, back.Totals);

        static async Task<AgentTotals> TotalsAt(int size)
        {
            var run = new DirectRun(Responding(size));
            await run.AdvanceAsync();
            return Assert.IsType<AgentTotals>(await run.Loop.AgentTotalsAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task ARunWhosePopulationsAllDrawHasNoTotals()
    {
        var run = new DirectRun(new SmallScenario { Epochs = 4, AgentsPerGrain = 7 }.Build());
        await run.AdvanceAsync();
        Assert.Null(await run.Loop.AgentTotalsAsync(TestContext.Current.CancellationToken));
        Assert.All(run.Gateway.Shards, s => Assert.Null(s.AgentTotals()));
    }
}
