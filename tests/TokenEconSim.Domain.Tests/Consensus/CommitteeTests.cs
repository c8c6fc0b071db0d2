using TokenEconSim.Domain.Consensus.Finality;

namespace TokenEconSim.Domain.Tests.Consensus;

public class CommitteeTests
{
    // PBFT: n = 3f + 1 tolerates f faults and decides on 2f + 1 votes; other n use f = ⌊(n−1)/3⌋.
    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 1)]
    [InlineData(3, 0, 1)]
    [InlineData(4, 1, 3)]
    [InlineData(5, 1, 3)]
    [InlineData(6, 1, 3)]
    [InlineData(7, 2, 5)]
    [InlineData(10, 3, 7)]
    [InlineData(100, 33, 67)]
    public void QuorumIsTwoFPlusOne(int n, int f, int quorum)
    {
        Assert.Equal(f, Committee.FaultsTolerated(n));
        Assert.Equal(quorum, Committee.Quorum(n));
        Assert.True(Committee.Accepts(quorum, n));
        Assert.False(Committee.Accepts(quorum - 1, n));
        Assert.True(Committee.Accepts(n, n));
    }

    [Fact]
    public void NoValidatorsMeansEveryEpochIsAccepted()
    {
        Assert.True(Committee.Accepts(0, 0));
        Assert.Equal(0, Committee.FaultsTolerated(0));
    }

    // Safety: two quorums of the same committee always share at least f + 1 members, so at least one honest one.
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(31)]
    public void TwoQuorumsOverlapInMoreThanFMembers(int n)
    {
        var q = Committee.Quorum(n);
        Assert.True(2 * q - n >= Committee.FaultsTolerated(n) + 1);
    }
}
