using TokenEconSim.Results;
using TokenEconSim.Results.Sweeps;
using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>A parameter point's statistics, one per column of <see cref="SweepRecorder.Columns"/>.</summary>
public sealed record PointResult(int Point, IReadOnlyList<KeyValuePair<string, string>> Parameters, int Seeds, IReadOnlyList<PointStatistics> Stats);

/// <summary>
/// Writes runs.csv and points.csv from the runs' summary.json files, strictly in run order
/// (<see cref="Record"/> must be called in index order), so the tables do not depend on which run
/// finished first, nor on whether the sweep was interrupted: both files are rewritten from the run
/// folders on every start. Only the current point's values are held; a point's statistics are
/// kept (one small row per point) for the charts and the best point.
/// </summary>
public sealed class SweepRecorder : IDisposable
{
    private readonly SweepFolder _folder;
    private readonly SweepObjective? _objective;
    private readonly IReadOnlyList<string> _metrics;
    private readonly int _seedsPerPoint;
    private readonly RunsCsv _runs;
    private readonly PointsCsv _points;
    private readonly List<double[]> _current = [];
    private SweepJob? _currentFirst;

    /// <param name="metrics">The summary metrics tabulated (<see cref="SweepInput.MetricNames"/>).</param>
    public SweepRecorder(SweepFolder folder, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, SweepObjective? objective,
        int seedsPerPoint)
    {
        _folder = folder;
        _objective = objective;
        _metrics = metrics;
        _seedsPerPoint = seedsPerPoint;
        Columns = [.. metrics, .. objective is null ? Array.Empty<string>() : ["objective"]];
        _runs = RunsCsv.Create(folder.File(RunFiles.SweepRuns), parameters, metrics, objective is not null);
        _points = PointsCsv.Create(folder.File(RunFiles.SweepPoints), parameters, Columns);
    }

    /// <summary>The metrics of points.csv: the summary metrics, then "objective" when the sweep has one.</summary>
    public IReadOnlyList<string> Columns { get; }

    public List<PointResult> Points { get; } = [];

    public int Recorded { get; private set; }

    /// <summary>Appends a completed run; after a point's last seed, appends the point.</summary>
    public void Record(SweepJob job)
    {
        var cells = SummaryMetrics.Read(_folder.SummaryPath(job), _metrics);
        var values = cells.Select(SummaryMetrics.Value).ToArray();
        var objective = _objective?.Evaluate(m => values[IndexOf(m)]);
        _runs.Append(job.Index, job.Point, [.. job.Overrides.Select(o => o.Value)], job.Seed, $"runs/{job.Folder}", cells, objective);
        Recorded++;
        if (_current.Count > 0 && _currentFirst!.Point != job.Point)
            throw new InvalidOperationException($"run {job.Index} starts point {job.Point} before point {_currentFirst.Point} has all its seeds");
        if (_current.Count == 0) _currentFirst = job;
        _current.Add([.. values, .. objective is { } o ? [o] : Array.Empty<double>()]);
        if (_current.Count < _seedsPerPoint) return;

        var stats = Enumerable.Range(0, Columns.Count).Select(c => PointStatistics.Of(_current.Select(v => v[c]))).ToList();
        _points.Append(job.Point, [.. job.Overrides.Select(o => o.Value)], _current.Count, stats);
        Points.Add(new PointResult(job.Point, job.Overrides, _current.Count, stats));
        _current.Clear();
    }

    public int IndexOf(string metric)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == metric) return i;
        throw new ArgumentException($"unknown metric '{metric}'", nameof(metric));
    }

    public void Dispose()
    {
        _runs.Dispose();
        _points.Dispose();
    }
}
