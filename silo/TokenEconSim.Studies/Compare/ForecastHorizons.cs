using TokenEconSim.Domain.Consensus.Difficulty;
using TokenEconSim.Domain.Consensus.Prediction;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Studies.Compare;

/// <summary>One forecaster at one horizon: each seed's relative RMSE, and the last value's and Holt's on the same windows.</summary>
public sealed record HorizonRow(string Environment, string Forecaster, int Horizon, double[] Rmse, double[] LastValueRmse, double[] HoltRmse)
{
    public PointStatistics Across => PointStatistics.Of(Rmse);

    /// <summary>Paired by seed: this forecaster's RMSE minus the last value's (negative: it beat the last value).</summary>
    public PointStatistics MinusLastValue => PointStatistics.Of(Rmse.Zip(LastValueRmse, (a, b) => a - b));

    /// <summary>Paired by seed: this forecaster's RMSE minus Holt's (negative: it beat the trend baseline).</summary>
    public PointStatistics MinusHolt => PointStatistics.Of(Rmse.Zip(HoltRmse, (a, b) => a - b));
}

/// <summary>
/// Forecast accuracy by horizon (docs/model.md §4.2). The windows of each seed's <c>asert</c> run (the reference controller, so
/// every forecaster sees the same series) are rebuilt from its blocks as the producer builds them (<see cref="WindowHashrate"/>),
/// each with its context (the epoch's recorded token price, block reward, the last block's difficulty and time); every forecaster
/// then reads them in order and, after window k, forecasts windows k+1…k+H. The error at horizon h is the relative error
/// (Ĥ − H)/H against window k+h's estimate, and the RMSE is over every k with a forecast and a window k+h.
/// </summary>
public static class ForecastHorizons
{
    /// <summary>Every forecaster measured: the baselines, then the LSTM learning levels or changes, on the hashrate alone or all inputs.</summary>
    public static readonly string[] Forecasters =
        ["last_value", "holt", "seasonal_naive", "lstm", "lstm-change", "lstm-inputs", "lstm-change-inputs", "combined"];

    /// <summary>What <c>combined</c> weighs (<see cref="ForecastCombination"/>): the baselines and the two LSTMs that win somewhere.</summary>
    public static readonly string[] Combined = ["last_value", "holt", "seasonal_naive", "lstm-change", "lstm-inputs"];

    /// <summary>
    /// The combination's discount per window (Stock &amp; Watson 2004 try 1, 0.95 and 0.9): a regime change is forgotten in ~10 windows.
    /// </summary>
    public const double CombinationDiscount = 0.9;

    public static async Task<IReadOnlyList<HorizonRow>> MeasureAsync(string environment,
        IReadOnlyList<(IReadOnlyList<EpochMetrics> Rows, Scenario Scenario)> runs, int horizons)
    {
        var perSeed = new List<Dictionary<string, double[]>>();
        foreach (var (rows, scenario) in runs)
        {
            var windows = await WindowsOf(rows, scenario);
            perSeed.Add(Forecasters.ToDictionary(f => f, f => Rmse(windows, Forecaster(f, scenario, horizons), horizons)));
        }
        return
        [
            .. from f in Forecasters
            from h in Enumerable.Range(1, horizons)
            select new HorizonRow(environment, f, h, [.. perSeed.Select(s => s[f][h - 1])], [.. perSeed.Select(s => s["last_value"][h - 1])],
                [.. perSeed.Select(s => s["holt"][h - 1])]),
        ];
    }

    /// <summary>The windows as the producer observes them: W blocks each, with what the chain knew when each closed.</summary>
    public static async Task<IReadOnlyList<WindowObservation>> WindowsOf(IReadOnlyList<EpochMetrics> rows, Scenario scenario)
    {
        var recorder = new Recorder();
        var windows = new WindowHashrate(scenario.Consensus.Difficulty.RetargetWindow, recorder);
        var model = new RunModel(scenario);
        var previous = 0.0;
        foreach (var row in rows)
        {
            var reward = TokenUnits.ToTokens(Emission.Halved(model.BlockRewardUnits, row.Epoch, scenario.Token.HalvingInterval));
            foreach (var b in row.BlockRecords)
            {
                await windows.OnBlockAsync(CompactTarget.ExpectedHashes(b.Bits), b.Time - previous,
                    new WindowContext(row.Economy.TokenPrice, reward, CompactTarget.Difficulty(b.Bits), (long)Math.Floor(b.Time)));
                previous = b.Time;
            }
        }
        return recorder.Windows;
    }

    private static double[] Rmse(IReadOnlyList<WindowObservation> windows, Func<WindowObservation, double[]> forecaster, int horizons)
    {
        var squares = new double[horizons];
        var counts = new int[horizons];
        for (var k = 0; k < windows.Count; k++)
        {
            var ahead = forecaster(windows[k]);
            for (var h = 1; h <= Math.Min(ahead.Length, horizons) && k + h < windows.Count; h++)
            {
                var error = (ahead[h - 1] - windows[k + h].Hashrate) / windows[k + h].Hashrate;
                if (!double.IsFinite(error)) continue;
                squares[h - 1] += error * error;
                counts[h - 1]++;
            }
        }
        return [.. squares.Select((s, h) => counts[h] == 0 ? double.NaN : Math.Sqrt(s / counts[h]))];
    }

    /// <summary>A fresh forecaster of the scenario's settings: it observes a window and forecasts 1…<paramref name="horizons"/> ahead.</summary>
    private static Func<WindowObservation, double[]> Forecaster(string name, Scenario scenario, int horizons)
    {
        var d = scenario.Consensus.Difficulty;
        var windowSeconds = d.RetargetWindow * scenario.Consensus.TargetBlockTime;
        switch (name)
        {
            case "last_value":
                return w => [.. Enumerable.Repeat(w.Hashrate, horizons)];
            case "holt":
            {
                var holt = new HoltPredictor(d.HoltAlpha, d.HoltBeta);
                return w => { holt.ObserveAsync(w).GetAwaiter().GetResult(); return holt.Ahead(horizons); };
            }
            case "combined":
            {
                var components = Combined.Select(c => Forecaster(c, scenario, horizons)).ToArray();
                var combination = new ForecastCombination(components.Length, horizons, CombinationDiscount);
                return w => combination.Observe(w.Hashrate, [.. components.Select(c => c(w))]);
            }
            case "seasonal_naive":
            {
                var naive = new SeasonalNaivePredictor(d.SeasonWindows);
                return w => { naive.ObserveAsync(w).GetAwaiter().GetResult(); return naive.Ahead(horizons); };
            }
            default:
            {
                var lstm = new LstmHashratePredictor(new LstmPredictorSection
                {
                    Window = d.Lstm.Window, Hidden = d.Lstm.Hidden, Layers = d.Lstm.Layers, TrainEvery = d.Lstm.TrainEvery,
                    Epochs = d.Lstm.Epochs, History = d.Lstm.History, LearningRate = d.Lstm.LearningRate, Period = d.Lstm.Period,
                    Forecast = name.Contains("change", StringComparison.Ordinal) ? LstmForecastTarget.Change : LstmForecastTarget.Level,
                    Inputs = name.EndsWith("inputs", StringComparison.Ordinal) ? LstmInputs.All : LstmInputs.Hashrate,
                }, scenario.Run.Seed);
                return w => { lstm.Observe(w.Hashrate, w.Context); return lstm.Ahead(horizons, windowSeconds); };
            }
        }
    }

    private sealed class Recorder : IHashratePredictor
    {
        public List<WindowObservation> Windows { get; } = [];

        public Task<double?> ObserveAsync(WindowObservation window)
        {
            Windows.Add(window);
            return Task.FromResult<double?>(window.Hashrate);
        }
    }
}
