using System.Globalization;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>
/// The per-agent rows of agents.parquet (outputs.agents, docs/model.md §17.8) through the real epoch loop: every recorded epoch's rows,
/// taken from the shards at the barrier, add up to that epoch's metrics; the last ones are the agents' final balances and their
/// totals over the run; every shard size gives the same rows; recording changes no result.
/// </summary>
public class AgentRowsTests
{
    private const int Providers = 30, MaxProviders = 45, Trainers = 15, MaxTrainers = 20, Users = 20, Epochs = 12, Every = 3;

    private static Scenario Responding(int agentsPerGrain, AgentsOutput output = AgentsOutput.Every)
    {
        var s = new SmallScenario
        {
            Epochs = Epochs, AgentsPerGrain = agentsPerGrain, Providers = Providers, Trainers = Trainers, Users = Users, Participation = 0.8,
            Outputs = new OutputsSection { Agents = output, AgentsEvery = Every },
        }.Build();
        return new Scenario
        {
            Run = s.Run, Token = s.Token, Rewards = s.Rewards, Learning = s.Learning, Consensus = s.Consensus, Populations = s.Populations,
            Outputs = s.Outputs,
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

    /// <summary>Runs to the end, taking each recorded epoch's rows shard by shard (through their wire form, as the Orleans engine does).</summary>
    private static async Task<(IReadOnlyList<EpochMetrics> Rows, List<(int Epoch, AgentRows[] Shards)> Recorded, DirectRun Run)> RunAsync(
        Scenario scenario)
    {
        var run = new DirectRun(scenario);
        var (rows, recorded) = (new List<EpochMetrics>(), new List<(int, AgentRows[])>());
        while (!run.Loop.IsComplete)
        {
            rows.AddRange(await run.AdvanceAsync());
            if (run.Loop.AgentsReady is not { } epoch) continue;
            var shards = new AgentRows[run.Loop.ShardCount];
            for (var i = 0; i < shards.Length; i++)
                shards[i] = AgentRows.FromBytes((await run.Loop.TakeAgentRowsAsync(i, TestContext.Current.CancellationToken)).ToBytes());
            recorded.Add((epoch, shards));
        }
        return (rows, recorded, run);
    }

    [Fact]
    public async Task EveryRecordedEpochsRowsAddUpToItsMetrics()
    {
        var (rows, recorded, run) = await RunAsync(Responding(agentsPerGrain: 7));
        Assert.Equal([2, 5, 8, 11], recorded.Select(r => r.Epoch)); // every third epoch and the final one
        foreach (var (epoch, shards) in recorded)
        {
            var m = rows[epoch];
            var all = Flatten(shards);
            Assert.Equal(Enumerable.Range(0, run.Model.Layout.Total), all.Select(a => a.Id)); // every agent, latent ones included, in id order
            foreach (var role in Roles.All)
            {
                var mine = all.Where(a => a.Role == role).ToList();
                Assert.Equal(m.RewardsByRole[(int)role], mine.Sum(a => a.Rows.Reward[a.K]));
                Assert.Equal(m.ActiveByRole[(int)role], mine.Count(a => a.Rows.Active[a.K]));
                if (run.Model.BehaviourActions[(int)role] is null) Assert.All(mine, a => Assert.False(a.Rows.Behaviour!.Responds[a.K]));
                else Assert.Equal(m.PopulationByRole[(int)role], mine.Count(a => a.Rows.Behaviour!.Present[a.K]));
            }
            Assert.Equal(m.FeesPaid, all.Sum(a => a.Rows.Fees[a.K]));
            Assert.Equal(m.Slashed, all.Sum(a => a.Rows.Slashed[a.K]));
            Assert.Equal((long)BehaviourColumns.BondSlashed.Read(m), all.Sum(a => a.Rows.Behaviour!.BondSlashed[a.K]));
            var values = new[] { (Role.DataProvider, m.ValueData), (Role.Trainer, m.ValueTraining), (Role.ServiceUser, m.ValueUsage) };
            foreach (var (role, value) in values)
                Assert.Equal(value, all.Where(a => a.Role == role).Sum(a => a.Rows.Value[a.K]), Math.Abs(value) * 1e-12);
            Assert.True(all.Any(a => !a.Rows.Active[a.K]) && all.Any(a => a.Rows.Fees[a.K] > 0), "some agent sat out and some paid fees");
        }

        // The final epoch: the balances the run ends with, and each responding agent's totals over every epoch of the run.
        var last = Flatten(recorded[^1].Shards);
        Assert.Equal(run.Balances(), last.Select(a => a.Rows.Balance[a.K]));
        // Bonds after the epoch's decision; the metric is what the shards hold once it settles, when no later decision moved them.
        Assert.Equal((long)BehaviourColumns.Bonded.Read(rows[^1]), last.Sum(a => a.Rows.Behaviour!.Bond[a.K]));
        var responding = last.Where(a => a.Rows.Behaviour!.Responds[a.K]).ToList();
        Assert.Equal(MaxProviders + MaxTrainers + Users, responding.Count);
        foreach (var role in responding.Select(a => a.Role).Distinct())
        {
            var mine = responding.Where(a => a.Role == role).ToList();
            Assert.Equal(rows.Sum(r => r.RewardsByRole[(int)role]), mine.Sum(a => a.Rows.Behaviour!.RewardTotal[a.K]));
            Assert.Equal(rows.Sum(r => r.ActiveByRole[(int)role]), mine.Sum(a => a.Rows.Behaviour!.EpochsActive[a.K]));
        }
        Assert.True(responding.Sum(a => a.Rows.Behaviour!.BondSlashedTotal[a.K]) > 0, "some cheat was caught and slashed");
    }

    [Fact]
    public async Task EveryShardSizeGivesTheSameRows()
    {
        var reference = Text((await RunAsync(Responding(150))).Recorded);
        foreach (var size in new[] { 1, 64 })
            Assert.Equal(reference, Text((await RunAsync(Responding(size))).Recorded));
    }

    [Fact]
    public async Task RecordingChangesNoResultAndARunWithoutItHasNoRows()
    {
        var recording = await RunAsync(Responding(7));
        var none = await RunAsync(Responding(7, AgentsOutput.None));
        Assert.Equal(MetricsText.Csv(none.Rows), MetricsText.Csv(recording.Rows));
        Assert.Empty(none.Recorded);

        var fixedRun = await RunAsync(new SmallScenario { Epochs = 5, AgentsPerGrain = 7, Outputs = new() { Agents = AgentsOutput.Final } }.Build());
        var (epoch, shards) = Assert.Single(fixedRun.Recorded);
        Assert.Equal(4, epoch);
        Assert.All(shards, s => Assert.Null(s.Behaviour)); // no population responds: no incentives columns
    }

    private sealed record Agent(int Id, Role Role, AgentRows Rows, int K);

    private static List<Agent> Flatten(AgentRows[] shards) =>
        [.. shards.SelectMany(s => Enumerable.Range(0, s.Count).Select(k => new Agent(s.First + k, s.Roles[k], s, k)))];

    /// <summary>Every cell of every recorded row, whatever shard it came from.</summary>
    private static string Text(List<(int Epoch, AgentRows[] Shards)> recorded) => string.Join("\n", recorded.SelectMany(r => Flatten(r.Shards)
        .Select(a =>
        {
            var (x, k, b) = (a.Rows, a.K, a.Rows.Behaviour!);
            return string.Join(",", r.Epoch, a.Id, a.Role, x.Active[k], x.Balance[k], x.Reward[k], x.Fees[k], x.Slashed[k],
                x.Value[k].ToString("R", CultureInfo.InvariantCulture), x.Calls[k], b.Responds[k], b.Present[k], b.Cheated[k],
                b.Cost[k].ToString("R", CultureInfo.InvariantCulture), b.BondSlashed[k], b.Bond[k], b.EpochsActive[k], b.CheatedEpochs[k],
                b.RewardTotal[k], b.CostTotal[k].ToString("R", CultureInfo.InvariantCulture), b.BondSlashedTotal[k]);
        })));
}
