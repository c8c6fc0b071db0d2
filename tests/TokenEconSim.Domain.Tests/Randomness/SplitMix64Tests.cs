using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Randomness;

public class SplitMix64Tests
{
    // The published sequence of https://prng.di.unimi.it/splitmix64.c from state 0 (the same values
    // appear as golden vectors in many independent ports).
    [Fact]
    public void StateZeroGivesThePublishedSequence()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SplitMix64.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.Next(ref state));
        Assert.Equal(0xF88BB8A8724C81ECUL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void NextAdvancesTheStateByTheGoldenGamma()
    {
        ulong state = 5;
        SplitMix64.Next(ref state);
        Assert.Equal(5UL + 0x9E3779B97F4A7C15UL, state);
    }

    [Fact]
    public void MixIsTheFinaliserOfNext()
    {
        ulong state = 0;
        Assert.Equal(SplitMix64.Mix(0x9E3779B97F4A7C15UL), SplitMix64.Next(ref state));
        Assert.Equal(0UL, SplitMix64.Mix(0)); // the finaliser fixes 0: why seeds are offset before mixing
    }
}
