using TokenEconSim.Domain.Consensus.ProofOfStake;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Domain.Tests.Consensus.ProofOfStake;

public class PosEngineTests
{
    private static readonly PosValidator[] Validators =
        [new(7, 300), new(3, 100), new(9, 0), new(5, 600, Byzantine: true)];

    private static PosSettings Settings(double p = 0.3) => new(UnitFraction.FromDouble(0.1), p, 0);

    // The engine's proposers are the schedule's picks over stakes in ascending id order.
    [Fact]
    public void ProposersFollowTheScheduleOverStakesInIdOrder()
    {
        using var engine = new PosEngine(11, Validators, Settings(p: 0));
        var result = engine.RunSlots(100, 500);
        int[] ids = [3, 5, 7, 9];
        long[] stakes = [100, 600, 300, 0];
        Assert.Equal(500, result.Slots.Count);
        foreach (var slot in result.Slots)
            Assert.Equal(ids[ProposerSchedule.Pick(11, slot.Slot, stakes)], slot.ProposerId);
        Assert.DoesNotContain(result.Slots, s => s.ProposerId == 9);
    }

    [Fact]
    public void BlocksChainOnTheirParents()
    {
        using var engine = new PosEngine(11, Validators, Settings());
        var blocks = engine.RunSlots(0, 50).Blocks;
        Assert.Equal(default, blocks[0].Parent);
        for (var i = 1; i < blocks.Count; i++) Assert.Equal(blocks[i - 1].Hash, blocks[i].Parent);
        var next = engine.RunSlots(50, 1).Blocks.Single();
        Assert.Equal(blocks[^1].Hash, next.Parent);
    }

    // Everything but signature bytes is a function of (seed, validators, settings).
    [Fact]
    public void RunsAreDeterministic()
    {
        using var a = new PosEngine(11, Validators, Settings());
        using var b = new PosEngine(11, Validators, Settings());
        var ra = a.RunSlots(0, 300);
        var rb = b.RunSlots(0, 300);
        Assert.Equal(ra.Slots, rb.Slots);
        Assert.Equal(ra.Blocks, rb.Blocks);
        Assert.Equal(ra.Slashes, rb.Slashes);
        Assert.Equal(ra.Stakes, rb.Stakes);
        Assert.NotEmpty(ra.Slashes);
    }

    [Fact]
    public void NoStakeMeansEmptySlots()
    {
        using var engine = new PosEngine(1, [new PosValidator(1, 0)], Settings());
        var result = engine.RunSlots(0, 5);
        Assert.All(result.Slots, s => Assert.Null(s.ProposerId));
        Assert.Empty(result.Blocks);
    }

    [Fact]
    public void BadValidatorSetsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new PosEngine(1, [new PosValidator(1, 5), new PosValidator(1, 6)], Settings()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PosEngine(1, [new PosValidator(1, -5)], Settings()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Settings(p: 1.5));
    }
}
