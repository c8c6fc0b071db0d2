using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>The per-agent path allocates nothing, and the metrics tally merges shard by shard to the same totals.</summary>
public class HotPathTests
{
    public static TheoryData<BehaviourModel, BanditRule> Models() => new()
    {
        { BehaviourModel.BestResponse, BanditRule.EpsilonGreedy },
        { BehaviourModel.Logit, BanditRule.EpsilonGreedy },
        { BehaviourModel.Bandit, BanditRule.EpsilonGreedy },
        { BehaviourModel.Bandit, BanditRule.Ucb1 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void DecideAndSettleAllocateNothing(BehaviourModel model, BanditRule rule)
    {
        var section = new ProviderBehaviour
        {
            Model = model, Bandit = rule, Cheating = true, Stake = 5, Slash = 1, ExitAfter = 3, MaxCount = 300, Inertia = 0.3,
        };
        var actions = ActionSet.For(section);
        var state = new RoleBehaviour(section, actions, 0, 300, 200);
        var states = new ulong[300 * 4];
        var rng = new Xoshiro256StarStar(0);
        for (var i = 0; i < 300; i++)
        {
            rng.Reseed(Seeds.ForAgent(1, i));
            rng.Store(states, i);
        }
        var terms = new EpochTerms(2, 1, 0.3, 0, 50);
        void Epoch(int e)
        {
            for (var i = 0; i < 300; i++)
            {
                rng.Load(states, i);
                if (e >= 2) state.Settle(i, e - 2, 150_000_000);
                state.Decide(i, e, rng, terms, 1, 10_000_000_000);
                rng.Store(states, i);
            }
        }
        for (var e = 0; e < 20; e++) Epoch(e); // warm up: first calls may allocate in the runtime
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 20; e < 120; e++) Epoch(e);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TheTallyMergesShardsToTheSameTotalsAsOneShard()
    {
        var decisions = new[]
        {
            new Decision(1, true, false, false, false, 0), new Decision(2, false, false, true, true, 0),
            new Decision(0, false, true, false, false, -5), new Decision(1, false, false, false, false, 0),
        };
        var outcomes = new[]
        {
            new Outcome(true, 3.5, 500_000_000, 0, 1.5, false), new Outcome(true, 1, 0, 100_000_000, -2, true),
            default, new Outcome(true, 2, 100_000_000, 0, -1, false),
        };
        var effort = new[] { 0.8, 0.0, 0.0, 0.6 };
        var whole = new BehaviourTally();
        for (var i = 0; i < 4; i++) { whole.Add(decisions[i], effort[i]); whole.Add(outcomes[i]); }
        var (left, right) = (new BehaviourTally(), new BehaviourTally());
        for (var i = 0; i < 2; i++) { left.Add(decisions[i], effort[i]); left.Add(outcomes[i]); }
        for (var i = 2; i < 4; i++) { right.Add(decisions[i], effort[i]); right.Add(outcomes[i]); }
        right.Merge(left);
        Assert.Equal(whole, right);
        Assert.Equal((3, 1, 1, 1, 1), (whole.Active, whole.Entries, whole.Exits, whole.Cheats, whole.Caught));
        Assert.Equal((0.8 + 0.0 + 0.6) / 3, whole.MeanEffort, 9);
        Assert.Equal(1.0 / 3, whole.CheatingRate, 12);
        Assert.Equal((3, 1), (whole.Settled, whole.Profitable));
        Assert.Equal((1.5 - 2 - 1) / 3, whole.MeanProfit, 9);
        Assert.Equal(1.0 / 3, whole.ShareProfitable, 12);
        Assert.Equal((600_000_000L, 100_000_000L), (whole.Reward, whole.Slashed));
        Assert.Equal(ExactSum.Quantize(3.5) + ExactSum.Quantize(1) + ExactSum.Quantize(2), whole.Cost.Raw);
    }
}
