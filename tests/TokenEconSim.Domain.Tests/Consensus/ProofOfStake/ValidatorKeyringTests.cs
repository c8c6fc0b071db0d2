using System.Numerics;
using TokenEconSim.Domain.Consensus.ProofOfStake;

namespace TokenEconSim.Domain.Tests.Consensus.ProofOfStake;

public class ValidatorKeyringTests
{
    private static readonly BigInteger Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void PrivateScalarsAreDeterministicDistinctAndInRange()
    {
        var seen = new HashSet<BigInteger>();
        for (var id = 0; id < 200; id++)
        {
            var bytes = ValidatorKeyring.PrivateScalar(42, id);
            Assert.Equal(32, bytes.Length);
            Assert.Equal(bytes, ValidatorKeyring.PrivateScalar(42, id));
            var d = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            Assert.InRange(d, BigInteger.One, Order - 1);
            Assert.True(seen.Add(d));
        }
        Assert.NotEqual(ValidatorKeyring.PrivateScalar(42, 0), ValidatorKeyring.PrivateScalar(43, 0));
    }

    // Signatures are randomized, verification is not: a signature checks under its signer's key only,
    // and the same key derives in another keyring with the same seed.
    [Fact]
    public void ASignatureVerifiesUnderItsSignerOnly()
    {
        using var keys = new ValidatorKeyring(42);
        using var sameSeed = new ValidatorKeyring(42);
        var hash = PosBlockHashes.Of(default, 5, 1, 0);
        var header = keys.SignHeader(1, 5, hash);
        var digest = SignedHeader.Digest(5, hash);
        Assert.True(keys.Verify(1, digest, header.Signature));
        Assert.True(sameSeed.Verify(1, digest, header.Signature));
        Assert.False(keys.Verify(2, digest, header.Signature));
        Assert.False(keys.Verify(1, SignedHeader.Digest(6, hash), header.Signature)); // another slot
        Assert.False(keys.Verify(-1, digest, header.Signature));
    }
}
