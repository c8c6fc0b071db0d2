using TokenEconSim.Domain.Rewards.Yuma;

namespace TokenEconSim.Domain.Tests.Rewards.Yuma;

/// <summary>
/// Subtensor's own Yuma 3 scenarios replayed through
/// <see cref="YumaEpoch.Run(double[], ushort[][], double[][], YumaParameters)"/>: opentensor/subtensor,
/// pallets/subtensor/src/tests/epoch.rs, <c>test_yuma_3_kappa_moves_first</c>, <c>test_yuma_3_kappa_moves_second</c>,
/// <c>test_yuma_3_kappa_moves_last</c>, <c>test_yuma_3_one_epoch_switch</c>, <c>test_yuma_3_liquid_alpha_disabled</c>
/// (one α = 1 − 0.975) and <c>test_yuma_3_stable_miner</c> (three servers). Their setup
/// (<c>setup_yuma_3_scenario</c>): uids 0–2 validate, the rest serve; κ = 32 767/65 535, bonds penalty 0,
/// steepness 1000, liquid alpha on with α low/high set from 0.1/0.3 (stored as u16: 6553 and 19 660 of
/// 65 535), bonds moving average 975 000, Yuma 3 on; the setup's first epoch has no weights, so bonds
/// start at zero. Each epoch sets the validators' weights, and the expected bonds (validators' rows,
/// servers' columns) and dividends are the upstream tables, checked within its 1e-3
/// (<c>run_epoch_and_check_bonds_dividends</c>). Upstream's bond check zips each target row (only the
/// servers' columns) with <c>.skip(3)</c> and so compares nothing; the bonds are asserted here all the same.
/// </summary>
public class SubtensorYuma3EpochTests
{
    private const int FirstServer = 3; // uids 0–2 validate, the servers follow
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
        var result = YumaEpoch.Run([8, 1, 1, 0, 0], Square(AllOn(servers: 2, [[1, 0, 0]])[0], 5), Zeros(), Setup);
        Assert.Equal([0, 0, 0, 0, 1], result.Incentive);
        Assert.Equal(0, result.Dividends[3] + result.Dividends[4]);
        Assert.Equal(0.5, result.ServerEmission.Sum(), 12);
        Assert.Equal(0.5, result.ValidatorEmission.Sum(), 12);
    }

    [Fact]
    public void LiquidAlphaDisabled() => Replay(
        [33, 33, 34],
        AllOn(servers: 2, [[0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0]]),
        // Upstream's rows have three columns, the first always 0; the servers' bonds are the last two.
        [
            [[0.0250, 0.0000], [0.0250, 0.0000], [0.0250, 0.0000]],
            [[0.0494, 0.0000], [0.0494, 0.0000], [0.0494, 0.0000]],
            [[0.0731, 0.0000], [0.0731, 0.0000], [0.0481, 0.0250]],
            [[0.0963, 0.0000], [0.0963, 0.0000], [0.0719, 0.0244]],
            [[0.1189, 0.0000], [0.1189, 0.0000], [0.0951, 0.0238]],
            [[0.1409, 0.0000], [0.1409, 0.0000], [0.1178, 0.0232]],
        ],
        [[0.3300, 0.3300, 0.3400], [0.3300, 0.3300, 0.3400], [0.3734, 0.3734, 0.2532],
         [0.3611, 0.3611, 0.2779], [0.3541, 0.3541, 0.2919], [0.3495, 0.3495, 0.3009]],
        Setup with { LiquidAlpha = false });

    // Three servers; each validator splits u16::MAX / 2 over two of them, moving from servers {3, 5} to {4, 5}.
    [Fact]
    public void StableMiner()
    {
        const ushort half = ushort.MaxValue / 2;
        ushort[] stay = [half, 0, half], move = [0, half, half];
        Replay(
            [8, 1, 1],
            [[stay, stay, stay], [stay, move, stay], [move, move, stay], [move, move, move], [move, move, move], [move, move, move]],
            [
                [[0.0507, 0.0000, 0.0507], [0.0507, 0.0000, 0.0507], [0.0507, 0.0000, 0.0507]],
                [[0.0962, 0.0000, 0.0962], [0.0455, 0.1000, 0.0962], [0.0962, 0.0000, 0.0962]],
                [[0.0863, 0.0507, 0.1371], [0.0408, 0.1405, 0.1371], [0.1770, 0.0000, 0.1371]],
                [[0.0774, 0.0962, 0.1739], [0.0367, 0.1770, 0.1739], [0.1579, 0.0507, 0.1739]],
                [[0.0694, 0.1371, 0.2069], [0.0329, 0.2097, 0.2069], [0.1411, 0.0962, 0.2069]],
                [[0.0623, 0.1739, 0.2366], [0.0296, 0.2391, 0.2366], [0.1263, 0.1371, 0.2366]],
            ],
            [[0.8000, 0.1000, 0.1000], [0.8226, 0.0745, 0.1028], [0.7750, 0.1685, 0.0565],
             [0.7864, 0.1372, 0.0764], [0.7912, 0.1241, 0.0847], [0.7937, 0.1173, 0.0890]]);
    }

    /// <summary>
    /// Runs the epochs in order, each starting from the last one's bonds, and checks every epoch's bonds
    /// and dividends against upstream's tables within 1e-3.
    /// </summary>
    /// <param name="votes">Per epoch, the server (0 for uid 3, 1 for uid 4) each validator puts all its weight on.</param>
    private static void Replay(double[] validatorStakes, int[][] votes, double[][][] bonds, double[][] dividends) =>
        Replay(validatorStakes, AllOn(servers: 2, [.. votes.Select(e => e.Select(uid => uid - FirstServer).ToArray())]),
            bonds, dividends);

    /// <param name="weights">Per epoch, per validator, its u16 weights on the servers (uids 3, 4, …).</param>
    private static void Replay(double[] validatorStakes, ushort[][][] weights, double[][][] bonds, double[][] dividends,
        YumaParameters? parameters = null)
    {
        var n = FirstServer + weights[0][0].Length;
        double[] stakes = [.. validatorStakes, .. new double[n - FirstServer]];
        var previous = Enumerable.Range(0, n).Select(_ => new double[n]).ToArray();
        for (var epoch = 0; epoch < weights.Length; epoch++)
        {
            var result = YumaEpoch.Run(stakes, Square(weights[epoch], n), previous, parameters ?? Setup);
            for (var v = 0; v < FirstServer; v++)
            {
                for (var s = 0; s < n - FirstServer; s++)
                    Within(bonds[epoch][v][s], result.Bonds[v][FirstServer + s], $"epoch {epoch} bond B[{v}][{FirstServer + s}]");
                Within(dividends[epoch][v], result.Dividends[v], $"epoch {epoch} dividend D[{v}]");
            }
            previous = result.Bonds;
        }
    }

    private static void Within(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-3, $"{what}: expected {expected}, got {actual:F6}");

    /// <summary>Per epoch, each validator's whole weight (u16::MAX) on the server it names (0-based among the servers).</summary>
    private static ushort[][][] AllOn(int servers, int[][] serverOfValidator) =>
        [.. serverOfValidator.Select(e => e.Select(server => Enumerable.Range(0, servers)
            .Select(s => s == server ? ushort.MaxValue : (ushort)0).ToArray()).ToArray())];

    /// <summary>The validators' rows over the servers placed in subtensor's n×n matrix (uids 0–2 validate).</summary>
    private static ushort[][] Square(ushort[][] validatorsOnServers, int n) =>
        [.. Enumerable.Range(0, n).Select(i => i < FirstServer ? [.. new ushort[FirstServer], .. validatorsOnServers[i]] : new ushort[n])];

    private static double[][] Zeros() => [.. Enumerable.Range(0, 5).Select(_ => new double[5])];
}
