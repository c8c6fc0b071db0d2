using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

public class FeeTests
{
    // Each user has 0.05 token and a call costs 1 token: every fee is capped at the balance, so no
    // balance ever goes negative. With a 1-token emission a user's pool share is far below one call's
    // fee, so each epoch every user pays exactly everything it holds: 0.05 token in epoch 0, and in
    // epoch e the reward it received for epoch e − 1.
    [Fact]
    public async Task FeesCappedAtTheBalanceNeverMakeABalanceNegative()
    {
        var s = new SmallScenario
        {
            Epochs = 12, InitialBalance = 0.05, FeePerCall = 1, Emission = 1, FeeBurnFraction = 0.5, AgentsPerGrain = 4,
            VoteValidProbability = 1,
        };
        var run = new DirectRun(s.Build());
        await run.InitializeAsync();
        var rows = new List<EpochMetrics>();
        while (!run.Loop.IsComplete)
        {
            rows.AddRange(await run.AdvanceAsync(1));
            Assert.All(run.Balances(), b => Assert.True(b >= 0, $"negative balance {b} after {rows.Count} rows"));
        }

        Assert.Equal(s.Users * 5_000_000L, rows[0].FeesPaid);
        Assert.All(rows, r => Assert.True(r.Calls > s.Users)); // uncapped, the calls would cost far more
        for (var e = 1; e < rows.Count; e++)
        {
            Assert.True(rows[e - 1].RewardTotal(Role.ServiceUser) > 0);
            Assert.Equal(rows[e - 1].RewardTotal(Role.ServiceUser), rows[e].FeesPaid);
        }
        // After the last settlement each user holds exactly its last reward.
        var usersFrom = run.Model.Layout.Start(Role.ServiceUser);
        Assert.Equal(rows[^1].RewardTotal(Role.ServiceUser), run.Balances()[usersFrom..(usersFrom + s.Users)].Sum());
    }

    [Fact]
    public async Task UncappedFeesAreCallsTimesTheFee()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario { Epochs = 4, FeePerCall = 0.01 });
        Assert.All(rows, r => Assert.Equal(r.Calls * 1_000_000L, r.FeesPaid));
    }

    [Fact]
    public async Task ZeroFeeChargesNothing()
    {
        var rows = await DirectRun.RunAsync(new SmallScenario { Epochs = 3, FeePerCall = 0 });
        Assert.All(rows, r => { Assert.Equal(0, r.FeesPaid); Assert.Equal(0, r.Burned); Assert.True(r.Calls > 0); });
    }
}
