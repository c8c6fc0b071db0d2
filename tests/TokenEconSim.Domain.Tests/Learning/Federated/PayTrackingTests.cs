using TokenEconSim.Domain.Learning.Federated;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

/// <summary>
/// How well trainers' pay tracks their marginal contribution: Spearman's ρ between V_T and the leave-one-out gain, with average ranks
/// for ties (ρ = 1 − 6·Σd²/(n(n²−1)) without ties; Spearman, "The Proof and Measurement of Association between Two Things", American
/// Journal of Psychology 15, 1904).
/// </summary>
public sealed class PayTrackingTests
{
    [Fact]
    public void PayRankedAsTheGainsIsOne() =>
        Assert.Equal(1, FederatedLearning.PayTracking([5, 20, 11, 40], [0.001, 0.004, 0.002, 0.01]), 12);

    [Fact]
    public void PayForGpuHoursClaimedWithoutAGainRanksAFreeRiderAboveHonestTrainers()
    {
        // Three honest trainers (V_T = 0.5·4 + 10 000·Δacc) and a free-rider claiming 8 GPU-hours with no gain:
        // V_T = 12, 22, 32 and 4 against gains 0.001, 0.002, 0.003, 0. Ranks agree: ρ = 1.
        Assert.Equal(1, FederatedLearning.PayTracking([12, 22, 32, 4], [0.001, 0.002, 0.003, 0]), 12);
        // With c_acc small beside c_gpu the free-rider's 8 hours outrank every gain: V_T = 2.01, 2.02, 2.03, 4.
        // d = (1−2, 2−3, 3−4, 4−1) → Σd² = 1 + 1 + 1 + 9 = 12, ρ = 1 − 6·12/(4·15) = −0.2.
        Assert.Equal(-0.2, FederatedLearning.PayTracking([2.01, 2.02, 2.03, 4], [0.001, 0.002, 0.003, 0]), 12);
    }

    [Fact]
    public void TiesTakeTheirAverageRank()
    {
        // Gains 0, 0, 0.01 rank 1.5, 1.5, 3; pay 1, 2, 3 ranks 1, 2, 3: Pearson of the ranks = 0.866025...
        Assert.Equal(Math.Sqrt(3) / 2, FederatedLearning.PayTracking([1, 2, 3], [0, 0, 0.01]), 12);
    }

    [Theory]
    [InlineData(new double[] { 3 }, new double[] { 0.1 })]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { 0, 0, 0 })]
    [InlineData(new double[] { 2, 2 }, new double[] { 0.1, 0.2 })]
    public void UndefinedWithFewerThanTwoOrAConstantSide(double[] pay, double[] gains) =>
        Assert.True(double.IsNaN(FederatedLearning.PayTracking(pay, gains)));
}
