using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Hosting;
using TokenEconSim.Results;
using TokenEconSim.Results.Charts;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Studies.Compare;

/// <summary>
/// `compare-difficulty`: every difficulty environment under every algorithm, several seeds; comparison.csv, the forecasts by
/// horizon, a Markdown table with its legend, and charts of seed 1.
/// </summary>
public static class DifficultyStudy
{
    /// <summary>Runs every environment under every algorithm on seeds 1…<paramref name="seeds"/>; writes the folder and prints the tables.</summary>
    public static async Task RunAsync(string[] environments, int seeds, int? epochs, int horizons, string output, CancellationToken ct)
    {
        foreach (var file in environments) ScenarioInput.Load(file, []); // bad input fails before any run
        var folder = Path.Combine(output, "difficulty-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var rows = new List<ComparisonRow>();
        var byHorizon = new List<HorizonRow>();
        foreach (var file in environments)
        {
            var firstSeeds = new Dictionary<string, IReadOnlyList<EpochMetrics>>();
            foreach (var kind in DifficultyComparison.Algorithms)
            {
                var algorithm = Naming.Of(kind);
                Console.WriteLine($"{Path.GetFileNameWithoutExtension(file)} × {algorithm} × {seeds} seeds …");
                var (row, first) = await DifficultyComparison.MeasureAsync(file, kind, seeds, epochs, ct);
                rows.Add(row with { Runs = [] }); // only asert's runs are kept, for the forecasts by horizon
                firstSeeds[algorithm] = first;
                if (kind == DifficultyAlgorithmKind.Asert)
                    byHorizon.AddRange(await ForecastHorizons.MeasureAsync(Path.GetFileNameWithoutExtension(file), row.Runs, horizons));
            }
            var target = ScenarioInput.Load(file, []).Consensus.TargetBlockTime;
            ComparisonCharts.Write(Path.GetFileNameWithoutExtension(file), firstSeeds, target, Path.Combine(folder, RunFiles.Charts), shownSeed: 1);
        }
        File.WriteAllText(Path.Combine(folder, RunFiles.Comparison), DifficultyComparison.Csv(rows));
        File.WriteAllText(Path.Combine(folder, RunFiles.ForecastHorizons), HorizonCsv(byHorizon));
        var markdown = Markdown(rows) + HorizonMarkdown(byHorizon);
        File.WriteAllText(Path.Combine(folder, RunFiles.ComparisonMarkdown), markdown);
        Console.Write(markdown);
        Console.WriteLine($"results: {folder}");
    }

    /// <summary>The table as Markdown: readable in a terminal at any width and pasteable into notes; a legend defines every column.</summary>
    private static string Markdown(IReadOnlyList<ComparisonRow> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| environment | algorithm | seeds | block time mean s | σ s | p99 s | MAD from target s | σ − ASERT s | MAD − ASERT s "
            + "| recovery epochs | forecast RMSE | last-value RMSE | forecast − last value |\n");
        sb.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in rows)
        {
            var asert = DifficultyComparison.AsertOf(rows, r);
            string Across(int index, int digits = 1) => Ci(DifficultyComparison.Across(r, index), digits);
            sb.Append($"| {r.Environment} | {r.Algorithm} | {r.Seeds} | {Across(0)} | {Across(1)} | {Across(2)} | {Across(3)} | "
                + $"{Paired(r, asert, 1)} | {Paired(r, asert, 3)} | {F(r.RecoveryEpochs, 1)} | "
                + $"{Across(DifficultyComparison.PredictionRmseIndex, 3)} | {Across(DifficultyComparison.LastValueRmseIndex, 3)} | "
                + $"{Ci(DifficultyComparison.ForecastMinusLastValue(r), 3)} |\n");
        }
        sb.Append(Legend);
        return sb.ToString();
    }

    private const string Legend = """

        Each cell is the mean over seeds 1…N, with its 95 % confidence interval [low, high] (Student t, N − 1 degrees of freedom)
        when N ≥ 2. Block time: every interval between consecutive blocks of a run; mean, σ (sample standard deviation, n − 1) and
        p99 per run. MAD from target: the mean over epochs of |epoch mean block time − target|. σ − ASERT and MAD − ASERT: the
        paired difference with asert on the same seed (negative = closer to target than ASERT); an interval excluding 0 is a
        difference the seeds resolve. Recovery: epochs from the shock until three epochs in a row are within 10 % of target.
        Forecast RMSE: relative RMSE of the forecast in force at an epoch's end against the next epoch's estimated hashrate;
        last-value RMSE: the same for "next epoch = this epoch"; forecast − last value: their paired difference by seed
        (negative = the forecaster beat the last value). lstm, lstm_asert and predictive_asert use the environment's predictor
        (consensus.difficulty.predictor). Charts show seed 1.

        """;

    /// <summary>RMSE by horizon, a row per (environment, forecaster, horizon), with its interval and paired difference with the last value.</summary>
    private static string HorizonCsv(IReadOnlyList<HorizonRow> rows)
    {
        var sb = new System.Text.StringBuilder("environment,forecaster,horizon,seeds,rmse,rmse_ci95_low,rmse_ci95_high,"
            + "minus_last_value,minus_last_value_ci95_low,minus_last_value_ci95_high,minus_holt,minus_holt_ci95_low,minus_holt_ci95_high\n");
        foreach (var r in rows)
        {
            var (a, d, t) = (r.Across, r.MinusLastValue, r.MinusHolt);
            sb.Append(string.Join(",", r.Environment, r.Forecaster, r.Horizon.ToString(CultureInfo.InvariantCulture),
                r.Rmse.Length.ToString(CultureInfo.InvariantCulture), R(a.Mean), R(a.Low), R(a.High), R(d.Mean), R(d.Low), R(d.High),
                R(t.Mean), R(t.Low), R(t.High)) + "\n");
        }
        return sb.ToString();
    }

    private static string HorizonMarkdown(IReadOnlyList<HorizonRow> rows)
    {
        var horizons = rows.Count == 0 ? 0 : rows.Max(r => r.Horizon);
        var sb = new System.Text.StringBuilder("\n| environment | forecaster |");
        for (var h = 1; h <= horizons; h++) sb.Append($" RMSE h={h} | − last value h={h} | − Holt h={h} |");
        sb.Append("\n| --- | --- |").Append(string.Concat(Enumerable.Repeat(" ---: | ---: | ---: |", horizons))).Append('\n');
        foreach (var group in rows.GroupBy(r => (r.Environment, r.Forecaster)))
        {
            sb.Append($"| {group.Key.Environment} | {group.Key.Forecaster} |");
            foreach (var r in group.OrderBy(r => r.Horizon)) sb.Append($" {Ci(r.Across, 3)} | {Ci(r.MinusLastValue, 3)} | {Ci(r.MinusHolt, 3)} |");
            sb.Append('\n');
        }
        return sb.Append(HorizonLegend).ToString();
    }

    private const string HorizonLegend = """

        Forecast RMSE by horizon: every forecaster reads the windows (retarget_window blocks each) of the asert run of each seed, rebuilt
        from its blocks with what the chain knew as each closed (token price, block reward, difficulty, time), and after window k
        forecasts windows k+1…k+H; RMSE h is the relative RMSE of (forecast − window k+h's estimated hashrate) / that estimate, mean
        over seeds [95 % interval], − last value h its paired difference with "every later window = window k" and − Holt h with Holt's
        linear trend on ln H (negative = better).
        lstm learns ln H, lstm-change its window-to-window change; -inputs adds the price, its change, the block value, ln D and the
        phase of lstm.period (consensus.difficulty.lstm.inputs: all); beyond one window the LSTM feeds its own forecast back, the price
        held. combined weighs last_value, holt, seasonal_naive, lstm-change and lstm-inputs by the inverse of each one's discounted
        squared log error so far at that horizon (docs/model.md). Settings are the environment's (lstm.*, holt_*, season_windows).

        """;

    private static string R(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);

    private static string Ci(PointStatistics s, int digits = 1) =>
        double.IsNaN(s.Low) ? F(s.Mean, digits) : $"{F(s.Mean, digits)} [{F(s.Low, digits)}, {F(s.High, digits)}]";

    private static string Paired(ComparisonRow row, ComparisonRow? asert, int index) =>
        asert is null || ReferenceEquals(asert, row) ? "" : Ci(DifficultyComparison.PairedWithAsert(row, asert, index));

    private static string F(double x, int digits) =>
        double.IsNaN(x) ? "" : double.IsInfinity(x) ? "never" : x.ToString("F" + digits, CultureInfo.InvariantCulture);
}
