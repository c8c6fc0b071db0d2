using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Learning.Lstm;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Lstm;

public class LstmLearningTests
{
    private static readonly LstmConfig SmallConfig = new() { Window = 12, HiddenSize = 16, LearningRate = 0.01 };
    private static readonly TrainingOptions Options = new() { Epochs = 25, BatchSize = 8, ShuffleSeed = 5 };

    [Fact]
    public void BeatsTheLastValueBaselineOnANoisySine()
    {
        var (windows, targets) = NoisySine(600, SmallConfig.Window, seed: 3);
        var split = windows.Count * 3 / 4;
        var regressor = new LstmRegressor(SmallConfig, seed: 7);

        regressor.Train(windows[..split], targets[..split], Options);

        double modelSse = 0, baselineSse = 0;
        for (var k = split; k < windows.Count; k++)
        {
            modelSse += Square(regressor.Predict(windows[k]) - targets[k]);
            baselineSse += Square(windows[k][^1] - targets[k]);
        }
        Assert.True(modelSse < baselineSse,
            $"validation MSE {modelSse / (windows.Count - split):F4} ≥ last-value MSE {baselineSse / (windows.Count - split):F4}");
    }

    [Fact]
    public void SameSeedAndDataGiveBitIdenticalWeightsAndPredictions()
    {
        var (windows, targets) = NoisySine(200, SmallConfig.Window, seed: 4);
        var a = new LstmRegressor(SmallConfig, seed: 9);
        var b = new LstmRegressor(SmallConfig, seed: 9);
        var options = Options with { Epochs = 3 };

        a.Train(windows, targets, options);
        b.Train(windows, targets, options);

        Assert.Equal(Bits(a.ExportState()), Bits(b.ExportState()));
        Assert.Equal(Bits(windows.Select(w => a.Predict(w))), Bits(windows.Select(w => b.Predict(w))));
    }

    [Fact]
    public void ExportedStateRestoresPredictionsAndTheOptimiser()
    {
        var (windows, targets) = NoisySine(200, SmallConfig.Window, seed: 6);
        var original = new LstmRegressor(SmallConfig with { Layers = 2 }, seed: 1);
        original.Train(windows, targets, Options with { Epochs = 2 });

        var restored = new LstmRegressor(SmallConfig with { Layers = 2 }, seed: 2);
        restored.ImportState(original.ExportState());

        Assert.Equal(Bits(windows.Select(w => original.Predict(w))), Bits(windows.Select(w => restored.Predict(w))));
        // Adam moments and the step count came along: further training stays identical.
        original.Train(windows, targets, Options with { Epochs = 1 });
        restored.Train(windows, targets, Options with { Epochs = 1 });
        Assert.Equal(Bits(original.ExportState()), Bits(restored.ExportState()));
        Assert.Equal(original.Network.Steps, restored.Network.Steps);
    }

    [Fact]
    public void ImportRefusesAStateOfAnotherShape()
    {
        var small = new LstmNetwork(new LstmConfig { HiddenSize = 4 }, 1);
        var other = new LstmNetwork(new LstmConfig { HiddenSize = 4, Window = 23 }, 1);
        Assert.Throws<ArgumentException>(() => small.ImportState(other.ExportState()));
    }

    private static (List<double[]> Windows, List<double> Targets) NoisySine(int length, int window, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var series = Enumerable.Range(0, length)
            .Select(t => Math.Sin(2 * Math.PI * t / 25.0) + Normal.Sample(rng, 0, 0.1)).ToArray();
        var windows = new List<double[]>();
        var targets = new List<double>();
        for (var start = 0; start + window < length; start++)
        {
            windows.Add(series[start..(start + window)]);
            targets.Add(series[start + window]);
        }
        return (windows, targets);
    }

    private static double Square(double x) => x * x;

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
