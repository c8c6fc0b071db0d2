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
    private readonly List<SharedRows> _shared = [];
    private TaskCompletionSource _changed = NewSignal();
    private TimeSpan _lastEpochAt;

    // Rows events kept for viewers that are up to date; one further behind is sent its own catch-up.
    private const int SharedKept = 256;

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
    /// <summary>The results folder's full path, once completed.</summary>
    public string? Folder { get; private set; }
    /// <summary>The results folder relative to the runs folder, as the API shows it (no server paths).</summary>
    public string? RelativeFolder { get; private set; }
    /// <summary>The end event's data, serialised once when the run ends.</summary>
    public ReadOnlyMemory<byte>? EndData { get; private set; }
    public EpochMetrics? Last { get; private set; }
    /// <summary>The key numbers of its summary.json once completed (<see cref="RunResults"/>).</summary>
    public IReadOnlyDictionary<string, double>? Results { get; private set; }
    internal CancellationTokenSource Cancellation { get; } = new();

    public int EpochsDone { get { lock (_gate) return _rows.Count; } }

    /// <summary>
    /// Epochs per second since the run started (0 before the first epoch). Once the run has ended it is
    /// the rate at its last epoch, frozen: time after the run (writing its charts, sitting finished) is not the run's.
    /// </summary>
    public double EpochsPerSecond
    {
        get
        {
            lock (_gate)
            {
                var seconds = Status == RunStatus.Running ? _clock.Elapsed.TotalSeconds : _lastEpochAt.TotalSeconds;
                return _rows.Count == 0 ? 0 : _rows.Count / Math.Max(seconds, 1e-9);
            }
        }
    }

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
        var rows = new double?[batch.Count][];
        for (var i = 0; i < rows.Length; i++) rows[i] = MetricTable.Row(batch[i], Layout);
        // Serialised here, once, for every viewer; under the lock with the rows, so that no viewer
        // sees the rows without their shared event and serialises them for itself (Lock is reentrant:
        // the listing reads the count under it).
        lock (_gate)
        {
            var since = _rows.Count;
            _rows.AddRange(rows);
            _lastEpochAt = _clock.Elapsed;
            Last = batch[^1];
            _shared.Add(new SharedRows(since, since + rows.Length, RunEvents.RowsData(since, rows, RunCatalog.Listing(this))));
            if (_shared.Count > SharedKept) _shared.RemoveRange(0, _shared.Count - SharedKept);
        }
        Signal();
    }

    /// <summary>
    /// The shared rows events from epoch <paramref name="since"/> on; empty when none starts there (a viewer mid-batch or far behind).
    /// </summary>
    public IReadOnlyList<SharedRows> SharedSince(int since)
    {
        lock (_gate)
        {
            var i = _shared.FindIndex(e => e.Since == since);
            return i < 0 ? [] : _shared.GetRange(i, _shared.Count - i);
        }
    }

    internal void End(RunStatus status, string? folder = null, string? relativeFolder = null, string? error = null,
        IReadOnlyDictionary<string, double>? results = null)
    {
        lock (_gate) (Status, Folder, RelativeFolder, Error, Results) = (status, folder, relativeFolder, error, results);
        EndData = RunEvents.Data(RunCatalog.Listing(this));
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
