using System.Globalization;
using System.Text;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Studies.Compare;

/// <summary>One (environment, algorithm) cell of the comparison, averaged over seeds.</summary>
public sealed record ComparisonRow(string Environment, string Algorithm, int Seeds, double MeanBlockTime, double SdBlockTime,
    double P99BlockTime, double MeanAbsDeviation, double RecoveryEpochs, double PredictionRmse, double PredictionMape,
    double LastValueRmse, double LastValueMape)
{
    /// <summary>Each seed's measures, in seed order (seed 1 first), in the order of <see cref="DifficultyComparison.Measures"/>.</summary>
    public IReadOnlyList<double[]> PerSeed { get; init; } = [];

    /// <summary>Each seed's run, in seed order: its metrics and its scenario (the forecasts by horizon replay them).</summary>
    public IReadOnlyList<(IReadOnlyList<EpochMetrics> Rows, Scenario Scenario)> Runs { get; init; } = [];
}

/// <summary>
/// Runs each difficulty environment under every algorithm and several seeds on the direct engine
/// and measures how close block times stay to target. Per run: mean, σ and p99 of all block
/// intervals; the mean over epochs of |epoch mean block time − target| (MAD); epochs from the
/// shock until three consecutive epochs are within 10 % of target (recovery; NaN without a shock);
/// and, for predictive algorithms, the error of the forecast in force at each epoch's end against
/// the next epoch's hashrate estimated from its blocks (relative RMSE and MAPE), next to the same
/// errors of the last-value forecast (this epoch's estimate).
/// </summary>
public static class DifficultyComparison
{
    /// <summary>Every adaptive algorithm (all but <c>fixed</c>), in the order of the table.</summary>
    public static readonly DifficultyAlgorithmKind[] Algorithms =
    [
        DifficultyAlgorithmKind.Bitcoin, DifficultyAlgorithmKind.Asert, DifficultyAlgorithmKind.Ethereum,
        DifficultyAlgorithmKind.Lstm, DifficultyAlgorithmKind.LstmAsert, DifficultyAlgorithmKind.PredictiveAsert,
    ];

    public static async Task<(ComparisonRow Row, IReadOnlyList<EpochMetrics> FirstSeed)> MeasureAsync(
        string environmentFile, DifficultyAlgorithmKind kind, int seeds, int? epochs, CancellationToken ct)
    {
        var algorithm = Naming.Of(kind);
        var runs = new List<(IReadOnlyList<EpochMetrics> Rows, Scenario Scenario)>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var overrides = new List<KeyValuePair<string, string>>
            {
                new("consensus.difficulty.algorithm", algorithm),
                new("run.seed", seed.ToString(CultureInfo.InvariantCulture)),
                new("outputs.agents", "none"), // the comparison reads the metrics alone, in one AdvanceAsync
            };
            if (epochs is { } e) overrides.Add(new("run.epochs", e.ToString(CultureInfo.InvariantCulture)));
            var scenario = Hosting.ScenarioInput.Load(environmentFile, overrides);
            var model = new RunModel(scenario);
            var loop = new EpochLoop(model, new DirectShardGateway(model), ConsensusFactory.Create(scenario));
            runs.Add((await loop.AdvanceAsync(int.MaxValue, ct), scenario));
        }
        var target = runs[0].Scenario.Consensus.TargetBlockTime;
        var shock = runs[0].Scenario.Populations.Miners.ShockEpoch;
        var perRun = runs.Select(r => Measure(r.Rows, target, shock)).ToArray();
        var row = new ComparisonRow(Path.GetFileNameWithoutExtension(environmentFile), algorithm, seeds,
            Mean(perRun, m => m[0]), Mean(perRun, m => m[1]), Mean(perRun, m => m[2]), Mean(perRun, m => m[3]), Mean(perRun, m => m[4]),
            Mean(perRun, m => m[5]), Mean(perRun, m => m[6]), Mean(perRun, m => m[7]), Mean(perRun, m => m[8]));
        return (row with { PerSeed = perRun, Runs = runs }, runs[0].Rows);
    }

    private static double[] Measure(IReadOnlyList<EpochMetrics> rows, double target, int shockEpoch)
    {
        var times = rows.SelectMany(r => r.BlockRecords).Select(b => b.Time).ToArray();
        var intervals = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        var epochMeans = rows.Select(r => r.MeanBlockTime).Where(double.IsFinite).ToArray();
        var (rmse, mape) = ForecastError(rows, r => r.HashratePredicted);
        var (lastRmse, lastMape) = ForecastError(rows, r => r.HashrateEstimated);
        return
        [
            intervals.Length == 0 ? double.NaN : intervals.Average(),
            BlockIntervals.StandardDeviation(intervals),
            BlockIntervals.Percentile(intervals, 0.99),
            epochMeans.Length == 0 ? double.NaN : epochMeans.Average(m => Math.Abs(m - target)),
            Recovery(rows, target, shockEpoch),
            rmse, mape, lastRmse, lastMape,
        ];
    }

    /// <summary>Relative RMSE and MAPE of a forecast made at epoch e's end against epoch e+1's estimated hashrate.</summary>
    private static (double Rmse, double Mape) ForecastError(IReadOnlyList<EpochMetrics> rows, Func<EpochMetrics, double> forecast)
    {
        var errors = rows.Zip(rows.Skip(1), (now, next) => (forecast(now) - next.HashrateEstimated) / next.HashrateEstimated)
            .Where(double.IsFinite).ToArray();
        return errors.Length == 0 ? (double.NaN, double.NaN) : (Math.Sqrt(errors.Average(x => x * x)), errors.Average(Math.Abs));
    }

    private static double Recovery(IReadOnlyList<EpochMetrics> rows, double target, int shockEpoch)
    {
        if (shockEpoch < 0) return double.NaN;
        for (var e = shockEpoch; e + 2 < rows.Count; e++)
            if (Enumerable.Range(e, 3).All(k => Math.Abs(rows[k].MeanBlockTime - target) / target < 0.1)) return e - shockEpoch;
        return double.PositiveInfinity;
    }

    private static double Mean(double[][] runs, Func<double[], double> pick)
    {
        var values = runs.Select(pick).Where(v => !double.IsNaN(v)).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }

    /// <summary>Block-time measures with confidence intervals and a paired comparison with ASERT: (column, index in a run's measures).</summary>
    public static readonly (string Column, int Index)[] Measures =
        [("block_time_mean", 0), ("block_time_sd", 1), ("block_time_p99", 2), ("mad_from_target", 3)];

    public static string Csv(IReadOnlyList<ComparisonRow> rows)
    {
        var sb = new StringBuilder("environment,algorithm,seeds,block_time_mean,block_time_sd,block_time_p99,mad_from_target,recovery_epochs,"
            + "prediction_rmse,prediction_mape,last_value_rmse,last_value_mape");
        foreach (var (column, _) in Measures) sb.Append($",{column}_ci95_low,{column}_ci95_high");
        foreach (var (column, _) in Measures) sb.Append($",{column}_minus_asert,{column}_minus_asert_ci95_low,{column}_minus_asert_ci95_high");
        sb.Append(",prediction_rmse_ci95_low,prediction_rmse_ci95_high,prediction_minus_last_value_rmse,prediction_minus_last_value_rmse_ci95_low,"
            + "prediction_minus_last_value_rmse_ci95_high\n");
        foreach (var r in rows)
        {
            sb.Append(string.Join(",", r.Environment, r.Algorithm, r.Seeds.ToString(CultureInfo.InvariantCulture),
                F(r.MeanBlockTime), F(r.SdBlockTime), F(r.P99BlockTime), F(r.MeanAbsDeviation), F(r.RecoveryEpochs),
                F(r.PredictionRmse), F(r.PredictionMape), F(r.LastValueRmse), F(r.LastValueMape)));
            foreach (var (_, index) in Measures) sb.Append($",{F(Across(r, index).Low)},{F(Across(r, index).High)}");
            var asert = AsertOf(rows, r) is { } a && !ReferenceEquals(a, r) ? a : null;
            foreach (var (_, index) in Measures)
            {
                var d = asert is null ? default : PairedWithAsert(r, asert, index);
                sb.Append($",{F(asert is null ? double.NaN : d.Mean)},{F(d.Low)},{F(d.High)}");
            }
            var (rmse, skill) = (Across(r, PredictionRmseIndex), ForecastMinusLastValue(r));
            sb.Append($",{F(rmse.Low)},{F(rmse.High)},{F(skill.Mean)},{F(skill.Low)},{F(skill.High)}\n");
        }
        return sb.ToString();
    }

    /// <summary>Where a run's measures keep the forecast's and the last value's relative RMSE.</summary>
    public const int PredictionRmseIndex = 5, LastValueRmseIndex = 7;

    /// <summary>
    /// Paired by seed: the forecast's relative RMSE minus the last value's on the same run, with its 95 % interval; negative
    /// means the forecaster beat "next epoch = this epoch". Undefined (NaN) for algorithms that do not forecast.
    /// </summary>
    public static PointStatistics ForecastMinusLastValue(ComparisonRow row) =>
        PointStatistics.Of(row.PerSeed.Select(m => m[PredictionRmseIndex] - m[LastValueRmseIndex]));

    /// <summary>The measure's mean over seeds with its 95 % Student-t interval.</summary>
    public static PointStatistics Across(ComparisonRow row, int index) => PointStatistics.Of(row.PerSeed.Select(m => m[index]));

    /// <summary>
    /// Paired comparison: the mean over seeds of (this algorithm − ASERT) on the same seed, with its 95 % Student-t interval.
    /// Seeds drive the same environment path for both, so the pairing removes the environment's share of the spread.
    /// </summary>
    public static PointStatistics PairedWithAsert(ComparisonRow row, ComparisonRow asert, int index) =>
        PointStatistics.Of(row.PerSeed.Zip(asert.PerSeed, (a, b) => a[index] - b[index]));

    public static ComparisonRow? AsertOf(IReadOnlyList<ComparisonRow> rows, ComparisonRow row) =>
        rows.FirstOrDefault(r => r.Environment == row.Environment && r.Algorithm == Naming.Of(DifficultyAlgorithmKind.Asert));

    private static string F(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
}
