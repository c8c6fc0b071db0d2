using TokenEconSim.Domain.Learning.Lstm;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Lstm;

public class LstmGradientCheckTests
{
    private const double Step = 1e-5;

    // Every scalar of every block (each layer's W, U, b for all four gates, head w and b) against central
    // finite differences of L = (ŷ − y)², relative error |a − n| / max(1e-8, |a| + |n|).
    [Theory]
    [InlineData(1, 11UL)]
    [InlineData(1, 12UL)]
    [InlineData(2, 21UL)]
    [InlineData(2, 22UL)]
    public void AnalyticGradientsMatchFiniteDifferences(int layers, ulong seed)
    {
        var config = new LstmConfig { InputSize = 2, Window = 4, HiddenSize = 3, Layers = layers };
        var network = new LstmNetwork(config, seed);
        var rng = new Xoshiro256StarStar(seed + 1000);
        var window = Enumerable.Range(0, 8).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        const double target = 1.5;

        network.ZeroGradients();
        network.AccumulateGradient(window, target, 1.0);

        Assert.Equal(3 * layers + 2, network.Blocks.Count);
        var checkedCount = 0;
        foreach (var block in network.Blocks)
            for (var k = 0; k < block.Length; k++)
            {
                var numeric = NumericGradient(network, block.Value, k, window, target);
                var analytic = block.Gradient[k];
                var error = Math.Abs(analytic - numeric) / Math.Max(1e-8, Math.Abs(analytic) + Math.Abs(numeric));
                Assert.True(error < 1e-5, $"{block.Name}[{k}]: analytic {analytic:R}, numeric {numeric:R}, relative error {error:E2}");
                checkedCount++;
            }
        Assert.Equal(network.ParameterCount, checkedCount);
    }

    private static double NumericGradient(LstmNetwork network, double[] values, int k, double[] window, double target)
    {
        var saved = values[k];
        values[k] = saved + Step;
        var plus = Loss(network, window, target);
        values[k] = saved - Step;
        var minus = Loss(network, window, target);
        values[k] = saved;
        return (plus - minus) / (2 * Step);
    }

    private static double Loss(LstmNetwork network, double[] window, double target)
    {
        var error = network.Predict(window) - target;
        return error * error;
    }
}
