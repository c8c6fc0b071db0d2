using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Agents;

/// <summary>A shard hosting responding populations (docs/model.md §17): its per-agent path allocates nothing, and its tokens stay whole.</summary>
public class RespondingShardTests
{
    private static RunModel Model(int providers) => new(new Scenario
    {
        Run = new RunSection { Seed = 3, Epochs = 100 },
        Populations = new PopulationsSection
        {
            DataProviders = new DataProviderPopulation { Count = providers },
            Trainers = new TrainerPopulation { Count = 4 },
            Users = new UserPopulation { Count = 5 },
            Validators = new ValidatorPopulation { Count = 4 },
            Miners = new MinerPopulation { Count = 3 },
        },
        Behaviour = new BehaviourSection
        {
            DataProviders = new ProviderBehaviour
            {
                Model = BehaviourModel.Logit, Cheating = true, Stake = 5, Slash = 2, MaxCount = 2 * providers, ExitAfter = 4, Inertia = 0.3,
            },
            Users = new UserBehaviour { Model = BehaviourModel.BestResponse },
        },
    });

    /// <summary>Runs the shard through the pipeline's steps (settle e−2, charge and score e−1, draw e); returns the bytes allocated on
    /// this thread by the steps from <paramref name="measureFrom"/> on, and the shard.</summary>
    private static (long Allocated, AgentShard Shard) Run(int providers, int epochs, int measureFrom)
    {
        var model = Model(providers);
        var shard = new AgentShard(model, 0, model.Layout.Total);
        var terms = new EpochTerms[Roles.Count];
        terms[(int)Role.DataProvider] = new EpochTerms(0.5, 1, 0.2, 0, 10);
        terms[(int)Role.ServiceUser] = new EpochTerms(0.01, 1, 0, 0.05, 1);
        var weights = new RewardWeights(0.4, 0.3, 0.3);
        var totals = new Int128[epochs];
        long allocated = 0;
        for (var e = 0; e < epochs; e++)
        {
            var order = new StepOrder(
                e >= 2 ? new SettleOrder(e - 2, true, RewardMode.Pool, TokenUnits.FromTokens(1_000), totals[e - 2], []) : null,
                e >= 1 ? e - 1 : null, e >= 1 ? new ScoreOrder(e - 1, 0.8, weights) : null, e)
            {
                Behaviour = terms,
            };
            var before = GC.GetAllocatedBytesForCurrentThread();
            var report = shard.Step(order);
            if (e >= measureFrom) allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            if (report.Score is { } score)
                foreach (var s in score.ScoreByRole) totals[e - 1] += s;
        }
        return (allocated, shard);
    }

    [Fact]
    public void AStepAllocatesTheSameWhateverTheNumberOfRespondingAgents()
    {
        // Per step the shard allocates its reports (a few arrays per role), never per agent: ten times the providers, the same bytes
        // but for the runtime's own noise (on a loaded machine a pool trimmed by the GC refills with a few hundred bytes). One byte per
        // added agent (1 800 more hosted) per measured step would be 72 000 bytes: the bound is far below that, far above the noise.
        var (small, _) = Run(100, 60, 20);
        var (large, _) = Run(1_000, 60, 20);
        Assert.True(Math.Abs(large - small) < 4_096, $"{small} bytes with 100 providers, {large} with 1 000");
    }

    [Fact]
    public void BondsAreCountedInTheShardsTokensAndSlashesLeaveThem()
    {
        var model = Model(50);
        var fresh = new AgentShard(model, 0, model.Layout.Total);
        // Every agent holds the initial balance; the 50 present providers' 5-token bonds are in the total, outside their balances.
        Assert.Equal(model.Layout.Total * TokenUnits.FromTokens(100), fresh.TotalBalance());
        Assert.Equal(TokenUnits.FromTokens(95), fresh.BalanceOf(0));
        Assert.Equal(TokenUnits.FromTokens(100), fresh.BalanceOf(60)); // a latent provider bonds nothing
    }
}
