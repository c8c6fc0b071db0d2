using TokenEconSim.Domain.Consensus.Pbft;

namespace TokenEconSim.Domain.Tests.Consensus.Pbft;

public class PbftConfigTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void FewerThanFourReplicasAreRefused(int n)
    {
        var e = Assert.Throws<ArgumentException>(() => new PbftConfig(n));
        Assert.Contains("PBFT needs n ≥ 4", e.Message);
        Assert.Equal("replicaCount", e.ParamName);
    }

    // n = 3f + 1 gives the paper's 2f + 1; other n get ⌈(n + f + 1) / 2⌉ (see PbftConfig).
    [Theory]
    [InlineData(4, 1, 3)]
    [InlineData(5, 1, 4)]
    [InlineData(6, 1, 4)]
    [InlineData(7, 2, 5)]
    [InlineData(10, 3, 7)]
    [InlineData(13, 4, 9)]
    public void FaultsAndQuorum(int n, int f, int quorum)
    {
        var config = new PbftConfig(n);
        Assert.Equal(f, config.F);
        Assert.Equal(quorum, config.Quorum);
    }

    // The two properties the quorum size exists for, for every n the property tests use.
    [Fact]
    public void QuorumsIntersectInAnHonestReplicaAndHonestReplicasFormOne()
    {
        for (var n = 4; n <= 40; n++)
        {
            var c = new PbftConfig(n);
            Assert.True(2 * c.Quorum - n >= c.F + 1, $"n = {n}: quorums may meet only in faulty replicas");
            Assert.True(c.Quorum <= n - c.F, $"n = {n}: the honest replicas cannot form a quorum");
        }
    }

    [Fact]
    public void PrimaryRotatesAndTimeoutsDouble()
    {
        var c = new PbftConfig(4, timeoutRounds: 5);
        Assert.Equal([0, 1, 2, 3, 0], Enumerable.Range(0, 5).Select(v => c.Primary(v)));
        Assert.Equal([5L, 10, 20, 40], Enumerable.Range(0, 4).Select(v => c.TimeoutFor(v)));
    }
}
