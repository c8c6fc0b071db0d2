using TokenEconSim.Silo.Cluster;
using TokenEconSim.Silo.Engines;

namespace TokenEconSim.Silo.Runs;

/// <summary>Everything `silo run` was asked to do.</summary>
public sealed record RunRequest(
    string ScenarioPath,
    IReadOnlyList<KeyValuePair<string, string>> Overrides,
    string OutputParent,
    EngineKind Engine,
    bool ShowProgress = true)
{
    /// <summary>Storage and membership (docs/cluster.md); the embedded default needs no server.</summary>
    public ClusterSettings Cluster { get; init; } = ClusterSettings.Embedded;

    /// <summary>Epochs between checkpoints (0 = none); checkpoints make `silo resume` and silo-failure recovery possible.</summary>
    public int CheckpointEvery { get; init; } = Checkpointing.DefaultEvery;
}
