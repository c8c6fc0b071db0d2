using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

public class YumaEpochTests
{
    private static readonly YumaParameters Defaults = YumaParameters.Subtensor;

    // Uids 0–2 validate with stakes 0.5, 0.3, 0.2; uids 3 and 4 contribute. The two majority validators
    // split their weight evenly; the 0.2 minority puts everything on uid 4.
    private static readonly double[] Stakes = [5, 3, 2, 0, 0];
    private static readonly ushort[][] Weights =
    [
        [0, 0, 0, 65_535, 65_535],
        [0, 0, 0, 65_535, 65_535],
        [0, 0, 0, 0, 65_535],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
    ];

    [Fact]
    public void AMinorityValidatorsOverweightIsClippedToConsensus()
    {
        var result = YumaEpoch.Run(Stakes, Weights, Zeros(5), Defaults);
        Assert.Equal(0.5, result.Consensus[3], 12);
        Assert.Equal(0.5, result.Consensus[4], 12); // the minority's 1.0 on uid 4 lacks κ of the stake
        // Ranks 0.5·0.5 + 0.3·0.5 = 0.4 and 0.4 + 0.2·0.5 = 0.5: uid 4 gets no more from the minority than
        // the consensus 0.5 of its stake; unclipped it would have had 0.6 of 1.0 instead of 0.5 of 0.9.
        Assert.Equal(0.4 / 0.9, result.Incentive[3], 12);
        Assert.Equal(0.5 / 0.9, result.Incentive[4], 12);
        Assert.Equal(1, result.ValidatorTrust[0], 12);
        Assert.Equal(0.5, result.ValidatorTrust[2], 12); // half its weight survived clipping
        Assert.Equal(0.5 / 0.6, result.Trust[4], 12); // support for uid 4: 0.5 of the 0.4 + 0.1 + 0.1 offered
    }

    [Fact]
    public void WithoutClippingTheMinorityWouldHaveWon()
    {
        // κ small enough for the minority's 0.2 to carry: its full weight on uid 4 now counts.
        var result = YumaEpoch.Run(Stakes, Weights, Zeros(5), Defaults with { Kappa = 0.15 });
        Assert.Equal(1, result.Consensus[4], 12);
        Assert.True(result.Incentive[4] > result.Incentive[3]);
    }

    [Fact]
    public void SelfWeightAndTheWeightsOfUidsWithoutStakeAreIgnored()
    {
        var weights = Weights.Select(r => (ushort[])r.Clone()).ToArray();
        weights[0][0] = 65_535;                 // a validator voting for itself
        weights[3] = [65_535, 0, 0, 0, 65_535]; // a contributor trying to vote
        var result = YumaEpoch.Run(Stakes, weights, Zeros(5), Defaults);
        var clean = YumaEpoch.Run(Stakes, Weights, Zeros(5), Defaults);
        Assert.Equal(clean.Incentive, result.Incentive);
        Assert.Equal(clean.Dividends, result.Dividends);
    }

    [Fact]
    public void WithNoWeightsTheValidatorsGetTheEpochByStake()
    {
        var result = YumaEpoch.Run(Stakes, [.. Zeros(5).Select(r => r.Select(_ => (ushort)0).ToArray())], Zeros(5), Defaults);
        Assert.Equal([0.5, 0.3, 0.2, 0, 0], result.ValidatorEmission);
        Assert.All(result.ServerEmission, e => Assert.Equal(0, e));
    }

    // Liquid alpha off: one α = 1 − moving average for every bond (subtensor's mat_ema).
    [Fact]
    public void WithoutLiquidAlphaBondsMoveByOneRate()
    {
        var p = Defaults with { LiquidAlpha = false, BondsMovingAverage = 0.9, BondsPenalty = 0 };
        var result = YumaEpoch.Run(Stakes, Weights, Zeros(5), p);
        Assert.Equal(Math.Floor(0.1 * 0.5 * 65_535) / 65_535, result.Bonds[0][3], 12);
        Assert.Equal(Math.Floor(0.1 * 65_535) / 65_535, result.Bonds[2][4], 12);
    }

    [Fact]
    public void BondsStayOnTheU16Grid()
    {
        var result = YumaEpoch.Run(Stakes, Weights, Zeros(5), Defaults);
        Assert.All(result.Bonds.SelectMany(r => r), b => Assert.Equal(Math.Round(b * 65_535), b * 65_535, 6));
        Assert.Equal(65_535 / YumaParameters.U16Max, YumaEpoch.ToU16Grid(1 - 1e-15));
    }

    [Fact]
    public void MismatchedShapesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => YumaEpoch.Run([1, 1], Weights, Zeros(2), Defaults));
        Assert.Throws<ArgumentException>(() => YumaEpoch.Run(Stakes, Weights, Zeros(4), Defaults));
    }

    // The economy's shape (validators × contributors) is subtensor's square one without the empty rows
    // and columns: uids 0–2 validate and weigh uids 3–4.
    [Fact]
    public void ValidatorsByContributorsGivesTheSameEpochAsTheSquareShape()
    {
        var square = YumaEpoch.Run(Stakes, Weights, Zeros(5), Defaults);
        var rectangular = YumaEpoch.Run(Stakes[..3], [.. Weights[..3].Select(r => r[3..])],
            [.. Enumerable.Range(0, 3).Select(_ => new double[2])], Defaults, contributors: 2);
        Assert.Equal(square.Incentive[3..], rectangular.Incentive);
        Assert.Equal(square.Dividends[..3], rectangular.Dividends);
        Assert.Equal(square.Bonds[..3].Select(r => r[3..]), rectangular.Bonds);
    }

    private static double[][] Zeros(int n) => [.. Enumerable.Range(0, n).Select(_ => new double[n])];
}
