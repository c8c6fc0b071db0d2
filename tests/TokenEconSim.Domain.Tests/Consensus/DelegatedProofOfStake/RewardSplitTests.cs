using TokenEconSim.Domain.Consensus.DelegatedProofOfStake;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Consensus.DelegatedProofOfStake;

public class RewardSplitTests
{
    // Reward 1000, commission 10 %: producer keeps 100; 900 split 1:2:4 over stake 7 →
    // 128.57, 257.14, 514.28 → 128, 257, 514 (899), dust 1 to the producer: 101.
    [Fact]
    public void HandCheckedSplit()
    {
        var payouts = RewardSplit.Split(1_000, 9, UnitFraction.FromDouble(0.10), [(1, 10), (2, 20), (3, 40)]);
        Assert.Equal([new Payout(1, 128), new Payout(2, 257), new Payout(3, 514), new Payout(9, 101)], payouts);
    }

    [Fact]
    public void AProducerDelegatingToItselfGetsOneEntry()
    {
        var payouts = RewardSplit.Split(100, 5, UnitFraction.FromDouble(0.5), [(5, 1), (6, 1)]);
        Assert.Equal([new Payout(5, 75), new Payout(6, 25)], payouts);
    }

    [Fact]
    public void WithoutDelegatedStakeTheProducerTakesAll()
    {
        Assert.Equal([new Payout(4, 77)], RewardSplit.Split(77, 4, UnitFraction.FromDouble(0.2), []));
        Assert.Equal([new Payout(4, 77)], RewardSplit.Split(77, 4, UnitFraction.FromDouble(0.2), [(1, 0)]));
    }

    // Random rewards, commissions and stakes: Σ payouts is the reward exactly, the producer gets its
    // commission plus less than one unit per delegator, and each delegator is within one unit of
    // its exact pro-rata share (and never above it).
    [Fact]
    public void SumIsExactCommissionRespectedAndDelegatorsProRata()
    {
        var rng = new Xoshiro256StarStar(2024);
        for (var trial = 0; trial < 500; trial++)
        {
            var reward = rng.NextInt64(1, 10_000_000_000);
            var commission = new UnitFraction(rng.Next(0, UnitFraction.Scale + 1));
            var delegators = Enumerable.Range(1, rng.Next(1, 40)).Select(h => (h, rng.NextInt64(0, 1_000_000_000_000))).ToArray();
            const int producer = 1_000;
            var payouts = RewardSplit.Split(reward, producer, commission, delegators).ToDictionary(p => p.AgentId, p => p.Units);

            Assert.Equal(reward, payouts.Values.Sum());
            var keep = commission.Of(reward);
            var producerGot = payouts[producer];
            var total = delegators.Sum(d => (decimal)d.Item2);
            if (total == 0) { Assert.Equal(reward, producerGot); continue; }
            Assert.InRange(producerGot - keep, 0, delegators.Length - 1);
            foreach (var (holder, stake) in delegators)
            {
                var exact = (reward - keep) * (decimal)stake / total;
                var got = payouts.GetValueOrDefault(holder);
                Assert.InRange(exact - got, 0m, 0.9999999999m);
            }
        }
    }

    [Fact]
    public void NegativeRewardIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RewardSplit.Split(-1, 1, default, []));
}
