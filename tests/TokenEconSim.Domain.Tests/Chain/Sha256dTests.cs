using System.Text;
using TokenEconSim.Domain.Chain;

namespace TokenEconSim.Domain.Tests.Chain;

public class Sha256dTests
{
    // SHA-256d("hello"), the Bitcoin wiki's worked example (Protocol documentation, "Hashes"):
    // first round 2cf24dba…9824, second round as below (raw digest order).
    private const string HelloDigest = "9595c9df90075148eb06860365df33584b75bff782a510c6cd4883a419833d50";

    [Fact]
    public void HelloIntoASpan()
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        Sha256d.Hash(Encoding.ASCII.GetBytes("hello"), digest);
        Assert.Equal(HelloDigest, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void HelloAsAHashDisplaysReversed()
    {
        var reversed = Convert.FromHexString(HelloDigest).Reverse().ToArray();
        Assert.Equal(Convert.ToHexStringLower(reversed), Sha256d.Hash(Encoding.ASCII.GetBytes("hello")).ToString());
    }
}
