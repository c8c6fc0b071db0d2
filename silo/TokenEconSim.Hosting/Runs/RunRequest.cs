using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Hosting.Runs;

/// <summary>Everything a run was asked to do: by `silo run`, and by hosts that run many (sweeps, the dashboard).</summary>
public sealed record RunRequest(
    string ScenarioPath,
    IReadOnlyList<KeyValuePair<string, string>> Overrides,
    string OutputParent,
    EngineKind Engine,
    bool ShowProgress = true)
{
    /// <summary>A scenario already loaded (e.g. a sweep's point); <see cref="ScenarioPath"/> then only names its source.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>A running silo to host the run (many runs share one); null starts an embedded silo for this run alone.</summary>
    public IGrainFactory? Grains { get; init; }

    /// <summary>
    /// With <see cref="Grains"/> of a cluster client: the client's watch of lost silos, so that the run continues on the survivors.
    /// </summary>
    public MembershipWatch? Membership { get; init; }

    /// <summary>
    /// The results folder's exact name inside <see cref="OutputParent"/> (a sweep's runs/p012-s3); null: &lt;run name&gt;-&lt;utc
    /// timestamp&gt;.
    /// </summary>
    public string? FolderName { get; init; }

    /// <summary>
    /// The results folder is named by the run id (&lt;run name&gt;-&lt;utc timestamp&gt;-&lt;8 hex&gt;), so that a host
    /// that lists runs by id (the dashboard) finds the same run under the same id after a restart.
    /// </summary>
    public bool FolderNamedByRunId { get; init; }

    /// <summary>Told once the run has its id and folder, before the first epoch.</summary>
    public Action<RunStarted>? OnStarted { get; init; }

    /// <summary>Sees every batch of completed epochs right after it is written to metrics.csv (live dashboards, meters).</summary>
    public Action<IReadOnlyList<EpochMetrics>>? OnEpochs { get; init; }

    /// <summary>Storage and membership (docs/cluster.md); the embedded default needs no server.</summary>
    public ClusterSettings Cluster { get; init; } = ClusterSettings.Embedded;

    /// <summary>
    /// Cancellation after a checkpoint keeps the hidden folder for `silo resume` (the command line's
    /// Ctrl+C/SIGTERM); false deletes it (the dashboard's cancel button: the user threw the run away).
    /// </summary>
    public bool KeepCheckpointWhenCancelled { get; init; }

    /// <summary>Epochs between checkpoints (0 = none); checkpoints make `silo resume` and silo-failure recovery possible.</summary>
    public int CheckpointEvery { get; init; } = Checkpointing.DefaultEvery;
}

/// <summary>A run that has started: its id (unique per run), the scenario it resolved to and the folder it is written to until complete.</summary>
public sealed record RunStarted(string RunId, Scenario Scenario, string TemporaryFolder)
{
    /// <summary>The endpoint of the silo its coordinator started on; null on the direct engine.</summary>
    public string? Silo { get; init; }
}
