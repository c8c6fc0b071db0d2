namespace TokenEconSim.Results;

/// <summary>
/// The names of the files in a run's folder (runs/&lt;name&gt;-&lt;timestamp&gt;/) and a sweep's: the one list the
/// writers, `silo resume`, sweeps and the dashboard all refer to (README.md, "What a run writes").
/// </summary>
public static class RunFiles
{
    /// <summary>One row per epoch (docs/model.md §6).</summary>
    public const string Metrics = "metrics.csv";

    /// <summary>One row per block.</summary>
    public const string Blocks = "blocks.csv";

    /// <summary>The run's summary; its presence marks a finished run.</summary>
    public const string Summary = "summary.json";

    /// <summary>The resolved scenario: every key, defaults included (what `silo resume` reads).</summary>
    public const string Scenario = "scenario.yaml";

    /// <summary>One row per governance proposal (governance.enabled).</summary>
    public const string Governance = "governance.csv";

    /// <summary>One row per marketplace purchase (marketplace.enabled).</summary>
    public const string Marketplace = "marketplace.csv";

    /// <summary>One row per agent per recorded epoch (outputs.agents; docs/model.md §17.8).</summary>
    public const string Agents = "agents.parquet";

    /// <summary>The first column of metrics.csv, blocks.csv and agents.parquet: the run's id (a pure function of its scenario and seed),
    /// so that the tables of many runs concatenate.</summary>
    public const string RunIdColumn = "run_id";

    /// <summary>One self-contained page to open in a browser: summary, charts (inline SVG), metric descriptions, scenario.</summary>
    public const string Report = "report.html";

    /// <summary>The folder of PNG and SVG charts.</summary>
    public const string Charts = "charts";

    /// <summary>In the hidden temporary folder of an unfinished run: the completed epochs' rows.</summary>
    public const string ResumeRows = "rows.bin";

    /// <summary>In the hidden temporary folder of an unfinished run: the last checkpoint.</summary>
    public const string Checkpoint = "checkpoint.bin";

    // A sweep's (or a tuning's) folder; each of its runs' folders holds the files above.

    /// <summary>The resolved sweep file: a rerun with the same body resumes the sweep's folder.</summary>
    public const string SweepScenario = "sweep.yaml";

    /// <summary>The sweep's report; its presence marks a sweep folder.</summary>
    public const string SweepReport = "sweep.json";

    /// <summary>The sweep's folder lock (its owner's pid beside it, <see cref="LockHolder"/>).</summary>
    public const string SweepLock = ".lock";

    /// <summary>A sweep's table: one row per run.</summary>
    public const string SweepRuns = "runs.csv";

    /// <summary>A sweep's table: one row per parameter point, over its seeds.</summary>
    public const string SweepPoints = "points.csv";

    /// <summary>A comparison folder's table (`silo compare`, `silo compare-difficulty`).</summary>
    public const string Comparison = "comparison.csv";

    /// <summary>compare-difficulty's table as Markdown, the form docs/model.md pastes.</summary>
    public const string ComparisonMarkdown = "comparison.md";

    /// <summary>compare-difficulty's forecast RMSE by horizon (--horizons).</summary>
    public const string ForecastHorizons = "forecast_horizons.csv";

    /// <summary>In a sweep folder of a sobol or morris design: each metric's sensitivity to each parameter (docs/sweeps.md).</summary>
    public const string SweepSensitivity = "sensitivity.csv";

    /// <summary>`silo tune`: one row per evaluation.</summary>
    public const string Tune = "tune.csv";

    /// <summary>`silo tune` with mode pareto: every point evaluated, its objectives' means and intervals, rank and crowding.</summary>
    public const string Pareto = "pareto.csv";
}
