using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Dashboard.Telemetry;

/// <summary>
/// The simulation's OpenTelemetry meter, exported at /metrics. Levels (supply, difficulty, …) are
/// gauges read from each run's latest epoch; flows (rewards, epochs, PBFT outcomes) are counters;
/// block intervals feed a histogram. Every series carries the run id as the label <c>run</c>.
/// Names in Prometheus form are listed in docs/dashboard.md.
/// </summary>
public sealed class SimulationMeters : IDisposable
{
    public const string MeterName = "TokenEconSim";

    private static readonly double[] BlockTimeBuckets = [1, 5, 15, 30, 60, 120, 300, 450, 600, 750, 900, 1200, 1800, 3600, 7200];

    private readonly Meter _meter = new(MeterName);
    private readonly ConcurrentDictionary<LiveRun, double> _lastBlockTime = new();
    private readonly Counter<double> _rewards;
    private readonly Counter<long> _epochs;
    private readonly Counter<long> _pbft;
    private readonly Counter<long> _viewChanges;
    private readonly Histogram<double> _blockTime;

    public SimulationMeters()
    {
        Gauge("tokeneconsim.supply", "tokens", "Total supply at the end of the latest epoch", m => TokenUnits.ToTokens(m.Supply));
        Gauge("tokeneconsim.inflation", null, "Minted / supply at the start of the latest epoch (per epoch)", m => m.Inflation);
        Gauge("tokeneconsim.gini", null, "Gini coefficient of agents' balances", m => m.Gini);
        Gauge("tokeneconsim.difficulty", null, "PoW difficulty at the latest epoch's last block", m => m.Difficulty);
        Gauge("tokeneconsim.block.time.mean", "s", "Mean seconds between the latest epoch's blocks", m => m.MeanBlockTime);
        Gauge("tokeneconsim.alpha", null, "Reward weight of V_D", m => m.Alpha);
        Gauge("tokeneconsim.beta", null, "Reward weight of V_T", m => m.Beta);
        Gauge("tokeneconsim.gamma", null, "Reward weight of V_U", m => m.Gamma);
        _meter.CreateObservableGauge("tokeneconsim.hashrate", () => Runs().SelectMany(r => new[]
        {
            new Measurement<double>(r.Last!.Hashrate, Tag(r), new("kind", "true")),
            new Measurement<double>(r.Last!.HashratePredicted, Tag(r), new("kind", "predicted")),
            new Measurement<double>(r.Last!.HashrateEstimated, Tag(r), new("kind", "estimated")),
        }).Where(m => double.IsFinite(m.Value)), null,
            "Hashrate of the latest epoch (true, LSTM-predicted, estimated from blocks; the scenario's unit)");
        _meter.CreateObservableGauge("tokeneconsim.epochs.per_second", () => Runs().Select(r => new Measurement<double>(r.EpochsPerSecond, Tag(r))),
            null, "Epochs simulated per second of wall time, since the run started");
        _meter.CreateObservableGauge("tokeneconsim.runs.active", () => _lastBlockTime.Keys.Count(r => r.Status == RunStatus.Running),
            null, "Runs in progress in this process");
        _rewards = _meter.CreateCounter<double>("tokeneconsim.rewards", "tokens", "Tokens paid to each role");
        _epochs = _meter.CreateCounter<long>("tokeneconsim.epochs", null, "Epochs completed");
        _pbft = _meter.CreateCounter<long>("tokeneconsim.pbft.outcomes", null, "Epochs accepted or rejected by the validator committee");
        _viewChanges = _meter.CreateCounter<long>("tokeneconsim.pbft.view_changes", null, "PBFT view changes");
        _blockTime = _meter.CreateHistogram("tokeneconsim.block.time", "s", "Seconds between consecutive blocks",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BlockTimeBuckets });
    }

    /// <summary>Starts reporting a run's gauges (from its first epoch on).</summary>
    internal void Track(LiveRun run) => _lastBlockTime[run] = 0;

    /// <summary>Counts a batch of epochs just completed by <paramref name="run"/>.</summary>
    internal void Record(LiveRun run, IReadOnlyList<EpochMetrics> batch)
    {
        var tag = Tag(run);
        var previous = _lastBlockTime.GetValueOrDefault(run);
        foreach (var m in batch)
        {
            _epochs.Add(1, tag);
            _pbft.Add(1, tag, new("outcome", m.Accepted ? "accepted" : "rejected"));
            if (m.ViewChanges > 0) _viewChanges.Add(m.ViewChanges, tag);
            foreach (var role in Roles.All)
                _rewards.Add(TokenUnits.ToTokens(m.RewardTotal(role)), tag, new("role", role.Key()));
            foreach (var block in m.BlockRecords)
            {
                _blockTime.Record(block.Time - previous, tag);
                previous = block.Time;
            }
        }
        _lastBlockTime[run] = previous;
    }

    public void Dispose() => _meter.Dispose();

    private void Gauge(string name, string? unit, string description, Func<EpochMetrics, double> read) =>
        _meter.CreateObservableGauge(name, () => Runs().Select(r => new Measurement<double>(read(r.Last!), Tag(r)))
            .Where(m => double.IsFinite(m.Value)), unit, description);

    private IEnumerable<LiveRun> Runs() => _lastBlockTime.Keys.Where(r => r.Last is not null);

    private static KeyValuePair<string, object?> Tag(LiveRun run) => new("run", run.Id);
}
