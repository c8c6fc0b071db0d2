using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Simulation;

public class LedgerAccountingTests
{
    private static readonly Role[] Dtu = [Role.DataProvider, Role.Trainer, Role.ServiceUser];

    // The loop checks Σ balances + treasury = initial + minted − burned after every epoch and throws
    // if it fails. Here the identity is also recomputed from the rows and the agents' final balances,
    // on a run that exercises every flow: emission with halvings, fees half burned, block and proposer
    // rewards, partial participation and some rejected epochs.
    [Theory]
    [InlineData(RewardMode.Pool)]
    [InlineData(RewardMode.Absolute)]
    [InlineData(RewardMode.Shares)]
    public async Task TheAccountingIdentityHoldsOverAWholeRun(RewardMode mode)
    {
        var s = new SmallScenario
        {
            Epochs = 30, Mode = mode, HalvingInterval = 7, FeeBurnFraction = 0.5, Participation = 0.8,
            VoteValidProbability = 0.7, AgentsPerGrain = 9,
        };
        var run = new DirectRun(s.Build());
        var rows = await run.AdvanceAsync();

        Assert.Equal(Enumerable.Range(0, 30), rows.Select(r => r.Epoch));
        Assert.True(run.Loop.IsComplete);
        Assert.Contains(rows, r => !r.Accepted); // the run really has rejected epochs
        Assert.Contains(rows, r => r.Accepted);

        var initial = s.Total * 100 * TokenUnits.PerToken;
        var supply = initial;
        foreach (var r in rows)
        {
            Assert.Equal(r.FeesBurned, r.Burned);                         // fees are the only burn
            Assert.Equal((long)Math.Floor(r.FeesPaid * 0.5), r.FeesBurned);
            Assert.Equal(r.Minted / (double)supply, r.Inflation, 15);   // inflation: minted / supply at start
            supply += r.Minted - r.Burned;
            Assert.Equal(supply, r.Supply);
            Assert.True(r.Treasury >= 0);
        }
        Assert.Equal(initial + rows.Sum(r => r.Minted) - rows.Sum(r => r.Burned), rows[^1].Supply);

        var balances = run.Balances();
        Assert.Equal(rows[^1].Supply, balances.Sum() + rows[^1].Treasury);
        // Agents end with what they started with, plus every reward, minus every fee.
        var rewards = rows.Sum(r => r.RewardsByRole.Sum());
        Assert.Equal(initial + rewards - rows.Sum(r => r.FeesPaid), balances.Sum());

        // What was minted: block and proposer rewards (miners, validators) plus emission (pool mode,
        // accepted epochs, halved) or every D/T/U reward (absolute mode).
        var credits = rows.Sum(r => r.RewardTotal(Role.Miner) + r.RewardTotal(Role.Validator));
        var emission = TokenUnits.FromTokens(10_000);
        var expectedMinted = mode != RewardMode.Absolute
            ? credits + rows.Where(r => r.Accepted).Sum(r => Emission.Halved(emission, r.Epoch, 7))
            : credits + rows.Sum(r => Dtu.Sum(r.RewardTotal));
        Assert.Equal(expectedMinted, rows.Sum(r => r.Minted));
    }

    [Fact]
    public async Task BlockAndProposerRewardsHalveWithEmission()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario
        {
            Epochs = 6, HalvingInterval = 2, BlockTiming = BlockTiming.Fixed, VoteValidProbability = 1,
        });
        foreach (var r in rows)
        {
            var halvings = r.Epoch / 2;
            Assert.Equal(144 * (50 * TokenUnits.PerToken >> halvings), r.RewardTotal(Role.Miner));
            Assert.Equal(20 * TokenUnits.PerToken >> halvings, r.RewardTotal(Role.Validator));
            Assert.Equal(r.RewardTotal(Role.Miner) + r.RewardTotal(Role.Validator) + (10_000 * TokenUnits.PerToken >> halvings), r.Minted);
        }
    }

    /// <summary>Passes everything through but adds one base unit to the first balance reported after epoch 2 settles.</summary>
    private sealed class TamperingGateway(IShardGateway inner) : IShardGateway
    {
        private int _settles;

        public Task<long> InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

        public async Task<IReadOnlyList<StepReport>> StepAsync(StepOrder order, CancellationToken ct)
        {
            var reports = await inner.StepAsync(order, ct);
            if (order.Settle is not null && _settles++ == 2) reports[0].Settled!.SortedBalances[0] += 1;
            return reports;
        }
    }

    [Fact]
    public async Task ABrokenLedgerStopsTheRun()
    {
        var run = new DirectRun(new SmallScenario { Epochs = 10, AgentsPerGrain = 100 }.Build(), g => new TamperingGateway(g));
        var first = await run.AdvanceAsync(2);
        Assert.Equal(2, first.Count);
        var ex = await Assert.ThrowsAsync<LedgerIdentityException>(() => run.AdvanceAsync());
        Assert.Contains("after epoch 2", ex.Message);
        Assert.Equal(2, run.Loop.EpochsCompleted);
    }
}
