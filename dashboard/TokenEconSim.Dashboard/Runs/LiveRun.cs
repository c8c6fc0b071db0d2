using System.Diagnostics;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Dashboard.Runs;

public enum RunStatus { Running, Completed, Failed, Cancelled }

/// <summary>
/// A run started by this dashboard: its rows as they arrive (for the live page and late joiners),
/// its state, and a signal that wakes the server-sent-event streams when anything changes.
/// </summary>
public sealed class LiveRun(string scenario, string name, long seed, int totalEpochs, MetricLayout layout)
{
    private readonly Lock _gate = new();
    private readonly List<double?[]> _rows = new(totalEpochs);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TaskCompletionSource _changed = NewSignal();

    public string Id { get; private set; } = "";
    public string Scenario { get; } = scenario;
    public string Name { get; } = name;
    public long Seed { get; } = seed;
    public int TotalEpochs { get; } = totalEpochs;
    /// <summary>The run's metrics columns (its scenario's <see cref="MetricLayout"/>).</summary>
    public MetricLayout Layout { get; } = layout;
    public DateTime StartedUtc { get; } = DateTime.UtcNow;
    public RunStatus Status { get; private set; } = RunStatus.Running;
    public string? Error { get; private set; }
    public string? Folder { get; private set; }
    public EpochMetrics? Last { get; private set; }
    internal CancellationTokenSource Cancellation { get; } = new();

    public int EpochsDone { get { lock (_gate) return _rows.Count; } }

    /// <summary>Epochs per second since the run started (0 before the first epoch).</summary>
    public double EpochsPerSecond => EpochsDone / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);

    /// <summary>Seconds left at the rate so far; null until the first epoch or once the run has ended.</summary>
    public double? EtaSeconds
    {
        get
        {
            var done = EpochsDone;
            if (Status != RunStatus.Running || done == 0) return null;
            return (TotalEpochs - done) / EpochsPerSecond;
        }
    }

    public IReadOnlyList<double?[]> RowsSince(int since)
    {
        lock (_gate) return since >= _rows.Count ? [] : _rows.GetRange(since, _rows.Count - since);
    }

    /// <summary>Completes when the run next changes (rows or state); a fresh task after each change.</summary>
    public Task Changed { get { lock (_gate) return _changed.Task; } }

    internal void Started(string id) => Id = id;

    internal void Append(IReadOnlyList<EpochMetrics> batch)
    {
        if (batch.Count == 0) return;
        lock (_gate)
        {
            foreach (var m in batch) _rows.Add(MetricTable.Row(m, Layout));
            Last = batch[^1];
        }
        Signal();
    }

    internal void End(RunStatus status, string? folder = null, string? error = null)
    {
        (Status, Folder, Error) = (status, folder, error);
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource done;
        lock (_gate) (done, _changed) = (_changed, NewSignal());
        done.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
