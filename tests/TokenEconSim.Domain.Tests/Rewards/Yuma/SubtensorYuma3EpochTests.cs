using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

/// <summary>
/// Subtensor's own Yuma 3 scenarios replayed through
/// <see cref="YumaEpoch.Run(double[], ushort[][], double[][], YumaParameters)"/>: opentensor/subtensor,
/// pallets/subtensor/src/tests/epoch.rs, <c>test_yuma_3_kappa_moves_first</c>, <c>test_yuma_3_kappa_moves_second</c>,
/// <c>test_yuma_3_kappa_moves_last</c> and <c>test_yuma_3_one_epoch_switch</c>. Their setup
/// (<c>setup_yuma_3_scenario</c>): uids 0–2 validate, 3–4 serve; κ = 32 767/65 535, bonds penalty 0,
/// steepness 1000, liquid alpha on with α low/high set from 0.1/0.3 (stored as u16: 6553 and 19 660 of
/// 65 535), Yuma 3 on; the setup's first epoch has no weights, so bonds start at zero. Each epoch a
/// validator puts its whole weight (u16::MAX) on one server, and the expected bonds (validators' rows,
/// servers' columns) and dividends are the upstream tables, checked within its 1e-3
/// (<c>run_epoch_and_check_bonds_dividends</c>). Upstream's bond check zips each 2-column target row with
/// <c>.skip(3)</c> and so compares nothing; the bonds are asserted here all the same.
/// </summary>
public class SubtensorYuma3EpochTests
{
    private const int Servers = 3; // uid of the first server; the second is 4
    private static readonly YumaParameters Setup = new(
        Kappa: 32_767 / YumaParameters.U16Max,
        BondsPenalty: 0,
        BondsMovingAverage: 0.975,
        LiquidAlpha: true,
        AlphaLow: 6553 / YumaParameters.U16Max,
        AlphaHigh: 19_660 / YumaParameters.U16Max,
        AlphaSigmoidSteepness: 1000);

    [Fact]
    public void KappaMovesFirst() => Replay(
        [8, 1, 1],
        [[3, 3, 3], [4, 3, 3], [4, 4, 3], [4, 4, 4], [4, 4, 4], [4, 4, 4]],
        [
            [[0.1013, 0.0000], [0.1013, 0.0000], [0.1013, 0.0000]],
            [[0.0908, 0.1013], [0.3697, 0.0000], [0.3697, 0.0000]],
            [[0.0815, 0.1924], [0.3170, 0.1013], [0.5580, 0.0000]],
            [[0.0731, 0.2742], [0.2765, 0.1924], [0.4306, 0.1013]],
            [[0.0656, 0.3478], [0.2435, 0.2742], [0.3589, 0.1924]],
            [[0.0588, 0.4139], [0.2157, 0.3478], [0.3089, 0.2742]],
        ],
        [[0.8000, 0.1000, 0.1000], [1.0000, 0.0000, 0.0000], [0.9382, 0.0618, 0.0000],
         [0.8819, 0.0773, 0.0407], [0.8564, 0.0844, 0.0592], [0.8418, 0.0884, 0.0697]]);

    [Fact]
    public void KappaMovesSecond() => Replay(
        [8, 1, 1],
        [[3, 3, 3], [3, 4, 3], [4, 4, 3], [4, 4, 4], [4, 4, 4], [4, 4, 4]],
        [
            [[0.1013, 0.0000], [0.1013, 0.0000], [0.1013, 0.0000]],
            [[0.1924, 0.0000], [0.0908, 0.2987], [0.1924, 0.0000]],
            [[0.1715, 0.1013], [0.0815, 0.3697], [0.4336, 0.0000]],
            [[0.1531, 0.1924], [0.0731, 0.4336], [0.3608, 0.1013]],
            [[0.1369, 0.2742], [0.0656, 0.4910], [0.3103, 0.1924]],
            [[0.1225, 0.3478], [0.0588, 0.5426], [0.2712, 0.2742]],
        ],
        [[0.8000, 0.1000, 0.1000], [0.8446, 0.0498, 0.1056], [0.6868, 0.3132, 0.0000],
         [0.7421, 0.2090, 0.0489], [0.7625, 0.1706, 0.0669], [0.7730, 0.1508, 0.0762]]);

    [Fact]
    public void KappaMovesLast() => Replay(
        [8, 1, 1],
        [[3, 3, 3], [3, 4, 3], [3, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4]],
        [
            [[0.1013, 0.0000], [0.1013, 0.0000], [0.1013, 0.0000]],
            [[0.1924, 0.0000], [0.0908, 0.2987], [0.1924, 0.0000]],
            [[0.2742, 0.0000], [0.0815, 0.5081], [0.1715, 0.2987]],
            [[0.2416, 0.1013], [0.0731, 0.5580], [0.1531, 0.3697]],
            [[0.2141, 0.1924], [0.0656, 0.6028], [0.1369, 0.4336]],
            [[0.1903, 0.2742], [0.0588, 0.6430], [0.1225, 0.4910]],
        ],
        [[0.8000, 0.1000, 0.1000], [0.8446, 0.0498, 0.1056], [0.8966, 0.0333, 0.0701],
         [0.4663, 0.3210, 0.2127], [0.5976, 0.2340, 0.1683], [0.6592, 0.1932, 0.1475]]);

    [Fact]
    public void OneEpochSwitch() => Replay(
        [33, 33, 34],
        [[3, 3, 3], [3, 3, 3], [3, 3, 4], [3, 3, 3], [3, 3, 3], [3, 3, 3]],
        [
            [[0.1013, 0.0000], [0.1013, 0.0000], [0.1013, 0.0000]],
            [[0.1924, 0.0000], [0.1924, 0.0000], [0.1924, 0.0000]],
            [[0.2742, 0.0000], [0.2742, 0.0000], [0.1715, 0.2987]],
            [[0.3478, 0.0000], [0.3478, 0.0000], [0.2554, 0.2618]],
            [[0.4139, 0.0000], [0.4139, 0.0000], [0.3309, 0.2312]],
            [[0.4733, 0.0000], [0.4733, 0.0000], [0.3987, 0.2051]],
        ],
        [[0.3300, 0.3300, 0.3400], [0.3300, 0.3300, 0.3400], [0.3782, 0.3782, 0.2436],
         [0.3628, 0.3628, 0.2745], [0.3541, 0.3541, 0.2917], [0.3487, 0.3487, 0.3026]]);

    [Fact]
    public void TheServersEarnNoDividendsAndTheValidatorsNoIncentive()
    {
        var result = YumaEpoch.Run([8, 1, 1, 0, 0], Votes([4, 3, 3]), Zeros(), Setup);
        Assert.Equal([0, 0, 0, 0, 1], result.Incentive);
        Assert.Equal(0, result.Dividends[3] + result.Dividends[4]);
        Assert.Equal(0.5, result.ServerEmission.Sum(), 12);
        Assert.Equal(0.5, result.ValidatorEmission.Sum(), 12);
    }

    /// <summary>
    /// Runs the epochs in order, each starting from the last one's bonds, and checks every epoch's bonds
    /// and dividends against upstream's tables within 1e-3.
    /// </summary>
    /// <param name="votes">Per epoch, the server uid each validator puts all its weight on.</param>
    private static void Replay(double[] validatorStakes, int[][] votes, double[][][] bonds, double[][] dividends)
    {
        double[] stakes = [.. validatorStakes, 0, 0];
        var previous = Zeros();
        for (var epoch = 0; epoch < votes.Length; epoch++)
        {
            var result = YumaEpoch.Run(stakes, Votes(votes[epoch]), previous, Setup);
            for (var v = 0; v < 3; v++)
            {
                for (var s = 0; s < 2; s++)
                    Within(bonds[epoch][v][s], result.Bonds[v][Servers + s], $"epoch {epoch} bond B[{v}][{Servers + s}]");
                Within(dividends[epoch][v], result.Dividends[v], $"epoch {epoch} dividend D[{v}]");
            }
            previous = result.Bonds;
        }
    }

    private static void Within(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-3, $"{what}: expected {expected}, got {actual:F6}");

    private static ushort[][] Votes(int[] serverOfValidator) =>
        [.. Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 5)
            .Select(j => i < 3 && j == serverOfValidator[i] ? ushort.MaxValue : (ushort)0).ToArray())];

    private static double[][] Zeros() => [.. Enumerable.Range(0, 5).Select(_ => new double[5])];
}
