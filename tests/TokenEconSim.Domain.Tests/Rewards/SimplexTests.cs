using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Tests.Rewards;

public class SimplexTests
{
    [Theory]
    [InlineData(0.4, 0.3, 0.3)]
    [InlineData(0.1, 0.2, 0.7)]   // 0.1 + 0.2 is not 0.3 in binary: within the tolerance
    [InlineData(1, 0, 0)]
    [InlineData(0, 0, 1)]
    [InlineData(1 / 3.0, 1 / 3.0, 1 / 3.0)]
    public void WeightsSummingToOneWithNoneNegativeAreOnIt(double a, double b, double c)
    {
        Assert.True(Simplex.Contains(a, b, c));
        Assert.True(Simplex.Contains(new RewardWeights(a, b, c)));
    }

    [Theory]
    [InlineData(0.5, 0.3, 0.3)]        // sums to 1.1
    [InlineData(0.4, 0.3, 0.299999)]   // 1e-6 short: more than decimal rounding
    [InlineData(1.2, -0.2, 0)]         // sums to 1 but one weight is negative
    [InlineData(0, 0, 0)]
    public void AnythingElseIsNot(double a, double b, double c)
    {
        Assert.False(Simplex.Contains(a, b, c));
        Assert.False(Simplex.Contains(new RewardWeights(a, b, c)));
    }

    [Fact]
    public void TheToleranceIsTheBoundary()
    {
        Assert.True(Simplex.Contains(0.5, 0.5, Simplex.Tolerance / 2));
        Assert.False(Simplex.Contains(0.5, 0.5, Simplex.Tolerance * 4));
    }

    // Governance applies the same rule: a proposal off the simplex is refused, one on it kept.
    [Fact]
    public void AProposalIsCheckedAgainstTheSameRule()
    {
        var on = new Proposal(1, 3, ProposalKind.Scheduled, new RewardWeights(0.1, 0.2, 0.7), 0.5);
        Assert.Same(on, on.Checked());
        var off = on with { Weights = new RewardWeights(1.2, -0.2, 0) };
        Assert.Throws<ArgumentException>(() => off.Checked());
    }
}
