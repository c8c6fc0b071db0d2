using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Consensus.ProofOfStake;

namespace TokenEconSim.Domain.Tests.Consensus.ProofOfStake;

public class ProposerScheduleTests
{
    private const long RunSeed = 20240607;
    private const int Slots = 100_000;
    private static readonly long[] Stakes = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]; // unequal, in tokens

    // 0.999 quantile of χ² with 9 degrees of freedom (10 validators − 1), ≈ 27.877.
    private static readonly double Critical = ChiSquared.InvCDF(Stakes.Length - 1, 0.999);

    private static long[] Units(long[] tokens) => [.. tokens.Select(t => t * 100_000_000)];

    private static long[] Count(long[] pickerStakes)
    {
        var counts = new long[pickerStakes.Length];
        for (long slot = 0; slot < Slots; slot++) counts[ProposerSchedule.Pick(RunSeed, slot, pickerStakes)]++;
        return counts;
    }

    private static double ChiSquare(long[] counts, long[] stakes)
    {
        double total = stakes.Sum(), n = counts.Sum(), chi2 = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var expected = n * stakes[i] / total;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return chi2;
    }

    [Fact]
    public void TheCriticalValueIsTheTabulatedOne() => Assert.Equal(27.877, Critical, 3);

    // Goodness of fit of 100 000 slots' proposers to stake / total stake.
    [Fact]
    public void ProposalSharesMatchStakeShares()
    {
        var counts = Count(Units(Stakes));
        var chi2 = ChiSquare(counts, Units(Stakes));
        Assert.True(chi2 < Critical, $"χ² = {chi2:F2} ≥ {Critical:F2}; counts {string.Join(",", counts)}");
    }

    // The same test rejects a picker that over-weights one validator by 10 %: the test can fail.
    [Fact]
    public void AMisweightedPickerFailsTheSameTest()
    {
        var wrong = Units(Stakes);
        wrong[8] += wrong[8] / 10;
        var chi2 = ChiSquare(Count(wrong), Units(Stakes));
        Assert.True(chi2 > Critical, $"χ² = {chi2:F2} should exceed {Critical:F2}");
    }

    [Fact]
    public void ZeroStakeIsNeverPickedAndNoStakePicksNobody()
    {
        for (long slot = 0; slot < 1_000; slot++) Assert.Equal(2, ProposerSchedule.Pick(RunSeed, slot, [0, 0, 5, 0]));
        Assert.Equal(-1, ProposerSchedule.Pick(RunSeed, 0, [0, 0]));
        Assert.Equal(-1, ProposerSchedule.Pick(RunSeed, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProposerSchedule.Pick(RunSeed, 0, [3, -1]));
    }

    // A slot's proposer depends only on (run seed, slot, stakes), not on which slots ran before.
    [Fact]
    public void EachSlotIsAFunctionOfSeedAndSlot()
    {
        var stakes = Units(Stakes);
        Assert.Equal(ProposerSchedule.Pick(RunSeed, 777, stakes), ProposerSchedule.Pick(RunSeed, 777, stakes));
        var differs = Enumerable.Range(0, 50).Any(s => ProposerSchedule.Pick(RunSeed, s, stakes) != ProposerSchedule.Pick(RunSeed + 1, s, stakes));
        Assert.True(differs);
    }
}
