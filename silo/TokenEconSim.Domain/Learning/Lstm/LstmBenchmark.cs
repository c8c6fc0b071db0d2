using System.Diagnostics;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>Wall-clock cost and managed allocation of one training step and one prediction, for the bench command.</summary>
public static class LstmBenchmark
{
    /// <param name="BytesPerTrainStep">Managed bytes allocated on this thread per training step.</param>
    /// <param name="BytesPerPrediction">Managed bytes allocated on this thread per prediction.</param>
    public sealed record Result(double MicrosecondsPerTrainStep, double MicrosecondsPerPrediction, double BytesPerTrainStep = 0,
        double BytesPerPrediction = 0);

    /// <summary>
    /// Times per-sample training steps (batch of 1: forward, BPTT, Adam) and predictions on random data.
    /// A stopwatch is fine here: the timings are reported, never fed back into a simulation. Allocation
    /// is counted on this thread only (GC.GetAllocatedBytesForCurrentThread), so other threads' garbage
    /// does not land in it; it does not depend on the machine's load.
    /// </summary>
    public static Result Measure(LstmConfig? config = null, int iterations = 2000)
    {
        config ??= new LstmConfig();
        var rng = new Xoshiro256StarStar(1);
        var network = new LstmNetwork(config, 1);
        var windows = new double[][] { RandomWindow(config, rng) };
        var targets = new[] { rng.NextDouble() };
        int[] batch = [0];
        for (var k = 0; k < iterations / 10 + 1; k++) // JIT warm-up
        {
            network.TrainBatch(windows, targets, batch);
            network.Predict(windows[0]);
        }
        var (train, trainBytes) = Time(iterations, () => network.TrainBatch(windows, targets, batch));
        var (predict, predictBytes) = Time(iterations, () => network.Predict(windows[0]));
        return new Result(train, predict, trainBytes, predictBytes);
    }

    private static (double Microseconds, double Bytes) Time(int iterations, Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var k = 0; k < iterations; k++) action();
        var elapsed = watch.Elapsed.TotalMicroseconds;
        return (elapsed / iterations, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / iterations);
    }

    private static double[] RandomWindow(LstmConfig config, Random rng)
    {
        var window = new double[config.Window * config.InputSize];
        for (var e = 0; e < window.Length; e++) window[e] = 2 * rng.NextDouble() - 1;
        return window;
    }
}
