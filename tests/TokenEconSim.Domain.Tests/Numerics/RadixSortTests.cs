using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Numerics;

public class RadixSortTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(5, 10)]
    [InlineData(1000, 1)]           // one pass
    [InlineData(1000, 11)]
    [InlineData(5000, 35)]          // balances of ~10¹⁰ base units
    [InlineData(3000, 62)]          // every pass
    public void SortsLikeArraySort(int length, int bits)
    {
        var rng = new Xoshiro256StarStar((ulong)(length * 100 + bits));
        var keys = Enumerable.Range(0, length).Select(_ => (long)(rng.NextUInt64() >> (64 - bits))).ToArray();
        if (length > 3) keys[3] = keys[1]; // ties
        var expected = keys.Order().ToArray();
        RadixSort.Sort(keys, new long[length]);
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void NegativeKeysStillSortCorrectly()
    {
        var rng = new Xoshiro256StarStar(9);
        var keys = Enumerable.Range(0, 2000).Select(_ => rng.NextInt64(-1000, 1000)).ToArray();
        var expected = keys.Order().ToArray();
        RadixSort.Sort(keys, new long[2000]);
        Assert.Equal(expected, keys);
    }

    [Theory]
    [InlineData(1)]                 // an odd number of passes ends in the buffer
    [InlineData(22)]
    public void ASpanInsideLongerArraysSortsOnlyItself(int bits)
    {
        var rng = new Xoshiro256StarStar((ulong)bits);
        var keys = Enumerable.Range(0, 1500).Select(_ => (long)(rng.NextUInt64() >> (64 - bits))).ToArray();
        var expected = keys.AsSpan(100, 1000).ToArray().Order().ToArray();
        var outside = keys[..100].Concat(keys[1100..]).ToArray();
        RadixSort.Sort(keys.AsSpan(100, 1000), new long[4000]);
        Assert.Equal(expected, keys[100..1100]);
        Assert.Equal(outside, keys[..100].Concat(keys[1100..]));
    }

    [Fact]
    public void AShortBufferIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RadixSort.Sort(new long[10], new long[9]));
}
