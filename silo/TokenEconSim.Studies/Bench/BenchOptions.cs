using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
namespace TokenEconSim.Studies.Bench;

/// <summary>What `silo bench` measures: the bench economy (scenarios/bench.yaml) at N agents.</summary>
public sealed record BenchOptions(int Agents, int Epochs, int Runs, bool Stats, ShardSize ShardSize, int PerAgentGrainLimit, string ScenarioPath)
{
    /// <summary>`fixed` (the file's behaviour) or `logit`: every population decides by logit (docs/model.md §17).</summary>
    public string Behaviour { get; init; } = BenchBehaviour.Fixed;
}

/// <summary>The values of `silo bench --behaviour`.</summary>
public static class BenchBehaviour
{
    public const string Fixed = "fixed", Logit = "logit", Both = "both";

    /// <summary>The populations that decide under `--behaviour logit`: every role (the bench economy is proof of work with vote finality).</summary>
    public static readonly string[] Responding = [.. BehaviourColumns.Responding.Select(role => role.SectionKey())];
}

/// <summary>One engine mode's figures: medians over the timed runs.</summary>
public sealed record BenchResult(
    string Mode,
    int Agents,
    int Epochs,
    double ConstructionSeconds,
    double LoopSeconds,
    double AgentStepsPerSecond,
    double ManagedBytesPerAgent,
    long PeakRssBytes,
    string MetricsDigest,
    string? Skipped = null)
{
    /// <summary>Managed bytes allocated per agent-step during the loop (the whole process: engine, silo, metrics).</summary>
    public double AllocatedBytesPerStep { get; init; }

    /// <summary>Garbage collections (all generations) during one timed loop.</summary>
    public double Collections { get; init; }

    /// <summary>Process CPU time over loop wall time: how many cores the loop kept busy (spinning included).</summary>
    public double CoresBusy { get; init; }
}
