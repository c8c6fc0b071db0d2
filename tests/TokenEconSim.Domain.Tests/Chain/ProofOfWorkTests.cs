using System.Numerics;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Chain;

public class ProofOfWorkTests
{
    private static readonly BigInteger PowLimit = BitcoinRetargetParams.MainnetPowLimit;

    // Mainnet blocks 0, 1 and 100000 meet their own targets.
    [Theory]
    [InlineData("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", 0x1d00ffffu)]
    [InlineData("00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048", 0x1d00ffffu)]
    [InlineData("000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506", 0x1b04864cu)]
    public void PublishedBlocksPass(string hash, uint bits)
    {
        Assert.Equal(PowStatus.Ok, ProofOfWork.Check(Hash256.Parse(hash), bits, PowLimit));
    }

    // The cases of Bitcoin Core's src/test/pow_tests.cpp CheckProofOfWork_test_*.
    [Fact]
    public void NegativeTarget()
    {
        var bits = CompactTarget.Encode(PowLimit, negative: true);
        Assert.Equal(PowStatus.NegativeTarget, ProofOfWork.Check(Hash256.Zero, bits, PowLimit));
    }

    [Fact]
    public void OverflowTarget() => Assert.Equal(PowStatus.OverflowTarget, ProofOfWork.Check(Hash256.Zero, ~0x00800000u, PowLimit));

    [Fact]
    public void TooEasyTarget()
    {
        var bits = CompactTarget.Encode(PowLimit * 2);
        Assert.Equal(PowStatus.AbovePowLimit, ProofOfWork.Check(Hash256.Zero, bits, PowLimit));
    }

    [Fact]
    public void BiggerHashThanTarget()
    {
        var bits = CompactTarget.Encode(PowLimit / 2);
        Assert.Equal(PowStatus.HashAboveTarget, ProofOfWork.Check(Hash256.FromBigInteger(PowLimit), bits, PowLimit));
    }

    [Fact]
    public void ZeroTarget()
    {
        var bits = CompactTarget.Encode(BigInteger.Zero);
        Assert.Equal(PowStatus.ZeroTarget, ProofOfWork.Check(Hash256.Zero, bits, PowLimit));
    }

    [Fact]
    public void HashEqualToTheTargetPasses()
    {
        var target = CompactTarget.ToTarget(0x1d00ffffu);
        Assert.Equal(PowStatus.Ok, ProofOfWork.Check(Hash256.FromBigInteger(target), 0x1d00ffffu, PowLimit));
        Assert.Equal(PowStatus.HashAboveTarget, ProofOfWork.Check(Hash256.FromBigInteger(target + 1), 0x1d00ffffu, PowLimit));
    }
}
