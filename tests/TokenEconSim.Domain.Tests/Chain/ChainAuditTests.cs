using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Chain;

public class ChainAuditTests
{
    // Bitcoin mainnet blocks 0, 1, 2 as published.
    private static readonly BlockHeader[] Mainnet =
    [
        new(1, Hash256.Zero, Hash256.Parse("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"), 1231006505, 0x1d00ffff, 2083236893),
        new(1, Hash256.Parse("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"),
            Hash256.Parse("0e3e2357e806b6cdb1f70b54c3a3a17b6714ee1f0e68bebb44a74b1efd512098"), 1231469665, 0x1d00ffff, 2573394689),
        new(1, Hash256.Parse("00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048"),
            Hash256.Parse("9b0fc92260312ce44e74ef369f5c66bbb85848f2eddd5a7a1cde251e54ccfdd5"), 1231469744, 0x1d00ffff, 1639830024),
    ];

    private static readonly System.Numerics.BigInteger Limit = BitcoinRetargetParams.MainnetPowLimit;

    [Fact]
    public void BitcoinsFirstBlocksPass() => Assert.True(ChainAudit.Verify(Mainnet, Limit, checkGenesisProof: true).Ok);

    [Fact]
    public void BrokenLinkFails()
    {
        BlockHeader[] swapped = [Mainnet[0], Mainnet[2], Mainnet[1]];
        var r = ChainAudit.Verify(swapped, Limit);
        Assert.False(r.Ok);
        Assert.Equal(1, r.FailedHeight);
        Assert.Contains("previous hash", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AlteredNonceFailsTheProof()
    {
        BlockHeader[] altered = [Mainnet[0], Mainnet[1], Mainnet[2] with { Nonce = Mainnet[2].Nonce + 1 }];
        var r = ChainAudit.Verify(altered, Limit);
        Assert.False(r.Ok);
        Assert.Equal(2, r.FailedHeight);
        Assert.Contains("above the target", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidBitsFail()
    {
        BlockHeader[] bad = [Mainnet[0] with { Bits = 0x1d80ffff }];
        Assert.False(ChainAudit.Verify(bad, Limit, checkGenesisProof: true).Ok);
        Assert.True(ChainAudit.Verify(bad, Limit).Ok); // a simulated genesis's proof is not checked by default
    }

    [Fact]
    public void GenesisMustHaveAZeroParent()
    {
        Assert.False(ChainAudit.Verify([Mainnet[1]], Limit).Ok);
    }
}
