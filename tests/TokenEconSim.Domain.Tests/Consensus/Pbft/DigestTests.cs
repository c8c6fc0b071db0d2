using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Domain.Tests.Consensus.Pbft;

public class DigestTests
{
    [Fact]
    public void BytesRoundTripBigEndian()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var d = Digest.FromBytes(bytes);
        Assert.Equal(Convert.ToHexStringLower(bytes), d.ToString());
        var back = new byte[32];
        d.WriteTo(back);
        Assert.Equal(bytes, back);
        Assert.Equal(d, Digest.FromBytes(back));
    }

    [Fact]
    public void WrongLengthIsRefused() =>
        Assert.Throws<ArgumentException>(() => Digest.FromBytes(new byte[31]));
}
