using System.Numerics;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Chain;

public class NonceGrinderTests
{
    private static readonly BlockHeader BitcoinGenesis = new(1, Hash256.Zero,
        Hash256.Parse("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"), 1231006505, 0x1d00ffff, 0);

    // Bitcoin's genesis was mined with nonce 2083236893: grinding the 1001 nonces ending there finds
    // exactly it (no earlier nonce in the range meets difficulty 1) and its published hash.
    [Fact]
    public void FindsBitcoinGenesisNonce()
    {
        const uint nonce = 2083236893;
        var r = NonceGrinder.Search(BitcoinGenesis, nonce - 1000, nonce + 1UL, ProofOfWork.TargetOf(0x1d00ffff));
        Assert.True(r.Found);
        Assert.Equal(nonce, r.Nonce);
        Assert.Equal(1001, r.HashesTried);
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", r.Hash.ToString());
    }

    // Target 2^244 − 1: a hash meets it with probability 2^-12.
    [Fact]
    public void SmallDifficultyFindsTheFirstValidNonceAndAnIndependentRehashAgrees()
    {
        var target = (BigInteger.One << 244) - 1;
        var header = BitcoinGenesis with { Bits = CompactTarget.Encode(target), Time = 12345 };
        var r = NonceGrinder.Search(header, 0, 1UL << 20, Hash256.FromBigInteger(target));
        Assert.True(r.Found);
        Assert.Equal(r.Nonce + 1L, r.HashesTried);
        var solved = header with { Nonce = r.Nonce };
        Assert.True(Independent.Meets(solved, target));
        Assert.Equal(Independent.HashValue(solved), r.Hash.ToBigInteger());
        for (uint n = 0; n < r.Nonce; n++) Assert.False(Independent.Meets(header with { Nonce = n }, target));
    }

    [Fact]
    public void ExhaustedRangeReportsTheWorkDone()
    {
        var r = NonceGrinder.Search(BitcoinGenesis, 100, 356, Hash256.Zero);
        Assert.False(r.Found);
        Assert.Equal(256, r.HashesTried);
        Assert.Throws<ArgumentOutOfRangeException>(() => NonceGrinder.Search(BitcoinGenesis, 0, (1UL << 32) + 1, Hash256.Zero));
    }

    [Fact]
    public void GrindingAllocatesNothing()
    {
        NonceGrinder.Search(BitcoinGenesis, 0, 1000, Hash256.Zero); // warm up (JIT, tiering)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = NonceGrinder.Search(BitcoinGenesis, 0, 20_000, Hash256.Zero);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20_000, r.HashesTried);
        Assert.Equal(0, allocated);
    }

    // 8 nonces per second of time and a 1/16 target: rolls happen; every rolled-past time truly failed.
    [Fact]
    public void RollsTimeWhenTheNonceRangeIsExhausted()
    {
        var target = (BigInteger.One << 252) - 1;
        var header = BitcoinGenesis with { Time = 5000 };
        var found = Enumerable.Range(0, 64)
            .Select(k => NonceGrinder.SearchRollingTime(header with { Time = 5000u + (uint)(100 * k) }, Hash256.FromBigInteger(target), 50, 8))
            .ToArray();
        var rolled = found.First(r => r.TimeRolls > 0);
        Assert.True(rolled.Found);
        Assert.True(Independent.Meets(rolled.Header, target));
        var start = rolled.Header.Time - (uint)rolled.TimeRolls;
        for (var t = start; t < rolled.Header.Time; t++)
            for (uint n = 0; n < 8; n++) Assert.False(Independent.Meets(rolled.Header with { Time = t, Nonce = n }, target));
        Assert.Equal(rolled.TimeRolls * 8L + rolled.Header.Nonce + 1, rolled.HashesTried);
    }

    [Fact]
    public void RollingGivesUpAfterTheLimit()
    {
        var r = NonceGrinder.SearchRollingTime(BitcoinGenesis, Hash256.Zero, 3, 8);
        Assert.False(r.Found);
        Assert.Equal(32, r.HashesTried);
        Assert.Equal(BitcoinGenesis, r.Header);
    }
}
