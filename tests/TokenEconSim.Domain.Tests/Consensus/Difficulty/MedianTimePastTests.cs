using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

public class MedianTimePastTests
{
    // Core's GetMedianTimePast sorts the last min(11, height + 1) times and takes element n / 2.
    [Fact]
    public void MedianOfTheLastElevenTimes()
    {
        var h = new TimeBitsHistory();
        long[] times = [100, 5, 9, 1, 7, 3, 11, 2, 10, 4, 8, 6];
        foreach (var t in times) h.Append(t, 0x1d00ffff);
        // Heights 1..11 hold 5, 9, 1, 7, 3, 11, 2, 10, 4, 8, 6 → sorted 1..11 → median 6; the 100 at height 0 is out.
        Assert.Equal(6, MedianTimePast.OfTip(h));
    }

    [Fact]
    public void ShortChainsTakeTheUpperMiddle()
    {
        var h = new TimeBitsHistory();
        h.Append(10, 0);
        Assert.Equal(10, MedianTimePast.OfTip(h));
        h.Append(30, 0);
        Assert.Equal(30, MedianTimePast.OfTip(h)); // sorted [10, 30], index 1
        h.Append(20, 0);
        Assert.Equal(20, MedianTimePast.OfTip(h));
        Assert.Equal(30, MedianTimePast.Of(h, 1));
    }
}
