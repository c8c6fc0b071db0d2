using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Simulation;

/// <summary>Whole runs with governance, the token market and the marketplace, on the direct engine.</summary>
public class EconomyRunTests
{
    private static Scenario With(Scenario b, GovernanceSection? governance = null, MarketSection? market = null,
        MarketplaceSection? marketplace = null) => new()
        {
            Run = b.Run, Token = b.Token, Rewards = b.Rewards, Learning = b.Learning, Consensus = b.Consensus, Populations = b.Populations,
            Outputs = b.Outputs, Governance = governance ?? new(), Market = market ?? new(), Marketplace = marketplace ?? new(),
        };

    private static readonly MarketSection Market = new() { Enabled = true, ReserveToken = 20_000, ReserveStable = 20_000, GpuCost = 0.5 };
    private static readonly MarketplaceSection Store = new() { Enabled = true, PublishProbability = 0.3, PurchaseProbability = 0.5 };

    private static Scenario Busy(int agentsPerGrain = 1) => With(
        new SmallScenario { Epochs = 14, AgentsPerGrain = agentsPerGrain, Participation = 0.8, FeeBurnFraction = 0.5, FeePerCall = 0.2 }.Build(),
        new GovernanceSection
        {
            Enabled = true, Timelock = 2, Adaptive = true, AdaptiveInterval = 4,
            Proposals = [new ProposalSection { Epoch = 3, Alpha = 0.2, Beta = 0.5, Gamma = 0.3, Support = 0.95 }],
        },
        Market, Store);

    [Fact]
    public async Task AScheduledProposalChangesTheWeightsAtVotePlusTimelockAndAFailedOneChangesNothing()
    {
        var governance = new GovernanceSection
        {
            Enabled = true, Quorum = 0.5, Threshold = 0.5, Timelock = 3, AbstainProbability = 0,
            Proposals =
            [
                new ProposalSection { Epoch = 2, Alpha = 0.25, Beta = 0.5, Gamma = 0.25, Support = 1 },
                new ProposalSection { Epoch = 8, Alpha = 1, Beta = 0, Gamma = 0, Support = 0 },
            ],
        };
        var rows = await new DirectRun(With(new SmallScenario { Epochs = 12 }.Build(), governance)).AdvanceAsync();

        Assert.All(rows.Take(5), r => Assert.Equal((0.4, 0.3, 0.3), (r.Alpha, r.Beta, r.Gamma)));   // epochs 0…4
        // from 2 + 3 on, the failed vote at 8 changes nothing
        Assert.All(rows.Skip(5), r => Assert.Equal((0.25, 0.5, 0.25), (r.Alpha, r.Beta, r.Gamma)));
        Assert.Equal(1, rows[2].Economy.ProposalsPassed);
        Assert.Equal(1, rows[8].Economy.ProposalsFailed);
        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], rows.Select(r => r.Economy.ProposalsOpen));
        var failed = Assert.Single(rows[8].Economy.Proposals);
        Assert.Equal((false, -1), (failed.Passed, failed.EffectiveEpoch));
        Assert.All(rows, r => Assert.Equal(1, r.Alpha + r.Beta + r.Gamma, 12));
    }

    // One trainer sells a model at exactly 2 tokens to one user every epoch; no other flow of tokens.
    private static Scenario TwoAgentStore(double initialBalance)
    {
        var b = new SmallScenario { Epochs = 6, Providers = 0, Trainers = 1, Users = 1, Validators = 1, Miners = 1 }.Build();
        var noMinting = new Scenario
        {
            Run = b.Run, Rewards = b.Rewards, Consensus = b.Consensus, Populations = b.Populations,
            Token = new TokenSection { InitialBalance = initialBalance, EmissionPerEpoch = 0, FeePerCall = 0, BlockReward = 0, ProposerReward = 0 },
        };
        return With(noMinting, marketplace: new MarketplaceSection
        {
            Enabled = true, PublishProbability = 1, PurchaseProbability = 1, Price = new Distribution(DistributionKind.Const, 2),
        });
    }

    [Fact]
    public async Task APurchaseMovesExactlyThePriceFromBuyerToCreator()
    {
        var run = new DirectRun(TwoAgentStore(initialBalance: 100));
        var rows = await run.AdvanceAsync();
        var (trainer, user) = (run.Model.Layout.Start(Role.Trainer), run.Model.Layout.Start(Role.ServiceUser));
        var price = 2 * TokenUnits.PerToken;

        var purchases = rows.Sum(r => r.Economy.Purchases);
        Assert.True(purchases >= 4, $"{purchases} purchases");
        Assert.All(rows, r => Assert.Equal(r.Economy.Purchases * price, r.Economy.Revenue));
        Assert.All(rows, r => Assert.Equal(0, r.Economy.PurchasesFailed));
        var balances = run.Balances();
        Assert.Equal(100 * TokenUnits.PerToken - purchases * price, balances[user]);
        // The creator is paid in the next settlement: all but the last epoch's revenue has arrived.
        Assert.Equal(100 * TokenUnits.PerToken + (purchases - rows[^1].Economy.Purchases) * price, balances[trainer]);
        Assert.All(rows, r => Assert.Equal(r.Supply, rows[0].Supply)); // transfers mint and burn nothing
    }

    [Fact]
    public async Task OverSpendingIsRefusedAndChangesNothing()
    {
        var run = new DirectRun(TwoAgentStore(initialBalance: 3));
        var rows = await run.AdvanceAsync(); // the loop checks the ledger identity after every epoch
        var user = run.Model.Layout.Start(Role.ServiceUser);

        Assert.Equal(1, rows.Sum(r => r.Economy.Purchases));          // 3 tokens buy one model at 2
        Assert.True(rows.Sum(r => r.Economy.PurchasesFailed) >= 3);   // then 1 token buys nothing
        Assert.Equal(1 * TokenUnits.PerToken, run.Balances()[user]);  // and the refusals took nothing
    }

    [Fact]
    public async Task TheMarketTradesAndKeepsTheLedgerWhole()
    {
        var run = new DirectRun(Busy(agentsPerGrain: 5));
        var rows = await run.AdvanceAsync();

        Assert.All(rows, r => Assert.True(r.Economy.TokensSold > 0 && r.Economy.TokensBought > 0));
        Assert.Contains(rows, r => r.Economy.TokenPrice != 1.0);
        var k = rows.Select(r => (System.Numerics.BigInteger)r.Economy.ReserveToken * r.Economy.ReserveStable).ToList();
        Assert.True(k.Zip(k.Skip(1)).All(p => p.Second > p.First)); // x·y grows by the fees, every epoch
        // Σ balances + treasury + pool reserve + tokens owed to agents = supply (checked by the loop
        // every epoch); here from the outside: the pool's tokens are part of the supply.
        var owed = rows[^1].Supply - run.Balances().Sum() - rows[^1].Treasury - rows[^1].Economy.ReserveToken;
        Assert.InRange(owed, 0, rows[^1].Supply);
        Assert.Contains(rows, r => r.Economy.Purchases > 0);
    }

    // Electricity far above any revenue: every miner stops after the first barrier and stays off.
    [Fact]
    public async Task UnprofitableMinersSwitchOff()
    {
        var market = new MarketSection { Enabled = true, ElectricityCost = new Distribution(DistributionKind.Const, 1e9) };
        var rows = await new DirectRun(With(new SmallScenario { Epochs = 6, Miners = 6 }.Build(), market: market)).AdvanceAsync();
        Assert.All(rows, r => Assert.Equal(6, r.Economy.MinersOff));
        Assert.All(rows.Skip(2), r => Assert.Equal(0, r.Blocks)); // the epochs decided after the switch have no miner
    }

    [Fact]
    public async Task AgentsPerGrainNeverChangesAResult()
    {
        var reference = await new DirectRun(Busy(1)).AdvanceAsync();
        foreach (var perGrain in new[] { 7, 10_000 })
        {
            var rows = await new DirectRun(Busy(perGrain)).AdvanceAsync();
            Assert.Equal(MetricsText.Csv(reference), MetricsText.Csv(rows));
            Assert.Equal(reference.SelectMany(r => r.Economy.Proposals), rows.SelectMany(r => r.Economy.Proposals));
            Assert.Equal(reference.SelectMany(r => r.Economy.Sales), rows.SelectMany(r => r.Economy.Sales));
        }
    }

    // With the three sections absent the loop sends no economy order, the token price stays 1 and
    // every row's economy part is the empty one: nothing is computed, drawn or sent.
    [Fact]
    public async Task WithTheSectionsAbsentNothingIsSentOrDrawn()
    {
        var orders = new List<StepOrder>();
        var run = new DirectRun(new SmallScenario { Epochs = 5 }.Build(), g => new RecordingGateway(g, orders));
        var rows = await run.AdvanceAsync();
        Assert.All(orders, o => Assert.Equal(1.0, o.TokenPrice));
        Assert.All(orders, o => Assert.Null(o.Settle?.Economy));
        Assert.All(rows, r => Assert.Same(EconomyMetrics.None, r.Economy));
    }

    [Fact]
    public async Task TheStepOrderCarriesTheMarketsTokenPrice()
    {
        var orders = new List<StepOrder>();
        var rows = await new DirectRun(Busy(), g => new RecordingGateway(g, orders)).AdvanceAsync();
        Assert.Equal(1.0, orders[0].TokenPrice); // the pool's initial price: 20 000 / 20 000
        Assert.Equal(rows[^2].Economy.TokenPrice, orders[^1].TokenPrice); // the price after the last barrier before it
    }

    private sealed class RecordingGateway(IShardGateway inner, List<StepOrder> orders) : IShardGateway
    {
        public Task<long> InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

        public Task<IReadOnlyList<StepReport>> StepAsync(StepOrder order, CancellationToken ct)
        {
            orders.Add(order);
            return inner.StepAsync(order, ct);
        }
    }
}
