using TokenEconSim.Domain.Consensus.DelegatedProofOfStake;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Consensus.DelegatedProofOfStake;

public class DposEngineTests
{
    private const long Reward = 1_000_000;

    // Candidates 10..14 with stakes 500, 400, 400, 300, 100 (two holders each).
    private static readonly Delegation[] Votes =
    [
        new(1, 250, 10), new(2, 250, 10), new(3, 200, 11), new(4, 200, 11), new(5, 300, 12),
        new(6, 100, 12), new(7, 150, 13), new(8, 150, 13), new(9, 50, 14), new(20, 50, 14),
    ];

    private static DposSettings Settings(double miss = 0, double redelegate = 0, int slots = 30) =>
        new(producerCount: 3, slotsPerEpoch: slots, UnitFraction.FromDouble(0.1), miss, redelegate);

    [Fact]
    public void TopThreeProduceInRotation()
    {
        var result = new DposEngine(1, Settings()).RunEpoch(0, 600, Votes, Reward);
        Assert.Equal([10, 11, 12], result.Producers); // 11 and 12 tie at 400: lower id first
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)(600 + i)), result.Slots.Select(s => s.Slot));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => new[] { 10, 11, 12 }[i % 3]), result.Slots.Select(s => s.ProducerId));
        Assert.All(result.ProducerRecords, r => Assert.Equal((r.ProducerId, 10, 0), (r.ProducerId, r.Blocks, r.Missed)));
        Assert.Equal(500, result.DelegatedStake[10]);
        Assert.Equal(100, result.DelegatedStake[14]);
    }

    [Fact]
    public void AnOfflineProducerMissesAllItsSlotsAndEarnsNothing()
    {
        var result = new DposEngine(1, Settings()).RunEpoch(0, 0, Votes, Reward, new HashSet<int> { 11 });
        Assert.All(result.Slots.Where(s => s.ProducerId == 11), s => Assert.False(s.Produced));
        Assert.Equal(new ProducerRecord(11, 0, 10), result.ProducerRecords.Single(r => r.ProducerId == 11));
        Assert.DoesNotContain(result.Payouts, p => p.AgentId is 11 or 3 or 4);
        Assert.Equal(20 * Reward, result.RewardUnits);
    }

    [Fact]
    public void RandomMissesAreRecordedAndUnpaid()
    {
        var result = new DposEngine(5, Settings(miss: 0.3, slots: 3_000)).RunEpoch(0, 0, Votes, Reward);
        var missed = result.Slots.Count(s => !s.Produced);
        Assert.InRange(missed, 800, 1_000); // 900 expected, σ ≈ 25
        Assert.Equal(missed, result.ProducerRecords.Sum(r => r.Missed));
        Assert.Equal((3_000 - missed) * Reward, result.RewardUnits);
        Assert.Equal(result.RewardUnits, result.Payouts.Sum(p => p.Units));
    }

    // Per block: producer 10 keeps 100 000 and its delegators (250 each) get 450 000 each. Ten blocks.
    [Fact]
    public void PayoutsFollowCommissionAndStake()
    {
        var result = new DposEngine(1, Settings()).RunEpoch(0, 0, Votes, Reward);
        var paid = result.Payouts.ToDictionary(p => p.AgentId, p => p.Units);
        Assert.Equal(10 * 100_000, paid[10]);
        Assert.Equal(10 * 450_000, paid[1]);
        Assert.Equal(10 * 450_000, paid[2]);
        Assert.Equal(10 * 675_000, paid[5]);  // 300 of 12's 400 → 3/4 of 900 000
        Assert.Equal(10 * 225_000, paid[6]);
        Assert.Equal(30 * Reward, paid.Values.Sum());
        Assert.DoesNotContain(7, paid.Keys); // 13 was not elected
    }

    [Fact]
    public void WithoutRedelegationVotesAreKept()
    {
        var engine = new DposEngine(1, Settings());
        engine.RunEpoch(0, 0, Votes, Reward);
        Assert.Equal(Votes.OrderBy(v => v.HolderId), engine.RunEpoch(1, 30, Votes, Reward).Delegations);
    }

    // Candidate 11 was offline for the whole first epoch (reliability 0): holders who re-draw never pick it.
    [Fact]
    public void HoldersDesertAProducerThatMissedEverySlot()
    {
        var engine = new DposEngine(3, Settings(redelegate: 1.0));
        engine.RunEpoch(0, 0, Votes, Reward, new HashSet<int> { 11 });
        var second = engine.RunEpoch(1, 30, Votes, Reward);
        Assert.DoesNotContain(second.Delegations, d => d.CandidateId == 11);
        Assert.Equal(Votes.Select(v => v.HolderId).Order(), second.Delegations.Select(d => d.HolderId));
        Assert.Equal(Votes.Sum(v => v.Stake), second.DelegatedStake.Values.Sum());
    }

    [Fact]
    public void EpochsAreDeterministic()
    {
        DposEpochResult Run()
        {
            var engine = new DposEngine(8, Settings(miss: 0.2, redelegate: 0.5));
            var first = engine.RunEpoch(0, 0, Votes, Reward);
            return engine.RunEpoch(1, 30, first.Delegations, Reward);
        }
        var (a, b) = (Run(), Run());
        Assert.Equal(a.Slots, b.Slots);
        Assert.Equal(a.Payouts, b.Payouts);
        Assert.Equal(a.Delegations, b.Delegations);
    }

    [Fact]
    public void NoDelegationsMeansNoProducers()
    {
        var result = new DposEngine(1, Settings()).RunEpoch(0, 0, [], Reward);
        Assert.Empty(result.Producers);
        Assert.Empty(result.Slots);
        Assert.Equal(0, result.RewardUnits);
    }

    [Fact]
    public void BadSettingsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DposSettings(0, 10, default, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DposSettings(3, 10, default, 1.2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DposSettings(3, 10, default, 0, -0.1));
    }
}
