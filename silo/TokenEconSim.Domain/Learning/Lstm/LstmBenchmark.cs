using System.Diagnostics;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>Wall-clock cost of one training step and one prediction, for the bench command.</summary>
public static class LstmBenchmark
{
    public sealed record Result(double MicrosecondsPerTrainStep, double MicrosecondsPerPrediction);

    /// <summary>
    /// Times per-sample training steps (batch of 1: forward, BPTT, Adam) and predictions on random data.
    /// A stopwatch is fine here: the timings are reported, never fed back into a simulation.
    /// </summary>
    public static Result Measure(LstmConfig? config = null, int iterations = 2000)
    {
        config ??= new LstmConfig();
        var rng = new Xoshiro256StarStar(1);
        var network = new LstmNetwork(config, 1);
        var windows = new double[][] { RandomWindow(config, rng) };
        var targets = new[] { rng.NextDouble() };
        int[] batch = [0];
        for (var k = 0; k < iterations / 10 + 1; k++) network.TrainBatch(windows, targets, batch); // JIT warm-up
        var train = Time(iterations, () => network.TrainBatch(windows, targets, batch));
        var predict = Time(iterations, () => network.Predict(windows[0]));
        return new Result(train, predict);
    }

    private static double Time(int iterations, Action action)
    {
        var watch = Stopwatch.StartNew();
        for (var k = 0; k < iterations; k++) action();
        return watch.Elapsed.TotalMicroseconds / iterations;
    }

    private static double[] RandomWindow(LstmConfig config, Random rng)
    {
        var window = new double[config.Window * config.InputSize];
        for (var e = 0; e < window.Length; e++) window[e] = 2 * rng.NextDouble() - 1;
        return window;
    }
}
