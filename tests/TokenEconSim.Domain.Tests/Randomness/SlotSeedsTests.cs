using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Randomness;

public class SlotSeedsTests
{
    // Tripwire: values from a Python transcription of Seeds.Combine with the slot domain constant.
    [Fact]
    public void SlotSeedsAreStable()
    {
        Assert.Equal(0xBF8545B8C8C85BACUL, Seeds.ForSlot(1, 0, RngPurpose.StakeProposer));
        Assert.Equal(0x4F222DB73D112027UL, Seeds.ForSlot(7, 123_456_789_012, RngPurpose.DelegatedRedelegation));
    }

    [Fact]
    public void SlotSeedsSeparateSlotsPurposesAndSharedStreams()
    {
        var seeds = new HashSet<ulong>();
        RngPurpose[] purposes = [RngPurpose.StakeProposer, RngPurpose.StakeEquivocation, RngPurpose.DelegatedMissedSlot,
            RngPurpose.DelegatedRedelegation];
        for (var slot = 0; slot < 500; slot++)
            foreach (var p in purposes)
            {
                Assert.True(seeds.Add(Seeds.ForSlot(3, slot, p)));
                Assert.True(seeds.Add(Seeds.ForShared(3, slot, p))); // epoch streams never coincide with slot streams
            }
    }
}
