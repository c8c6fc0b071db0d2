using System.Globalization;
using TokenEconSim.Domain.Learning.Lstm;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// `silo bench --lstm`: the LSTM hashrate predictor's cost (docs/model.md §4.2) at the sizes a difficulty
/// scenario uses (input 1, window 12, one layer, hidden 16 and 32), medians over the runs. Each run is a fresh
/// network with its own warm-up, so a run that lands on a busy moment of the machine is only one of them.
/// </summary>
public static class LstmBench
{
    public static readonly int[] HiddenSizes = [16, 32];
    public const int Window = 12;
    private const int Iterations = 2000;

    public static void Run(int runs)
    {
        Console.WriteLine($"lstm predictor (input 1, window {Window}, 1 layer), median of {runs} runs of {Iterations} calls each:");
        foreach (var hidden in HiddenSizes)
        {
            var config = new LstmConfig { Window = Window, HiddenSize = hidden };
            var results = Enumerable.Range(0, runs).Select(_ => LstmBenchmark.Measure(config, Iterations)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  hidden {hidden,2}: {Median(results, r => r.MicrosecondsPerPrediction),8:F2} µs and "
                + $"{Median(results, r => r.BytesPerPrediction),8:F0} B per prediction; "
                + $"{Median(results, r => r.MicrosecondsPerTrainStep),8:F2} µs and "
                + $"{Median(results, r => r.BytesPerTrainStep),8:F0} B per training step"));
        }
    }

    private static double Median(LstmBenchmark.Result[] results, Func<LstmBenchmark.Result, double> figure) =>
        BenchRunner.Median(results.Select(figure));
}
