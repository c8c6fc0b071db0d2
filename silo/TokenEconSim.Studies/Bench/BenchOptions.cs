using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Studies.Bench;

/// <summary>What `silo bench` measures: the bench economy (scenarios/bench.yaml) at N agents.</summary>
public sealed record BenchOptions(int Agents, int Epochs, int Runs, bool Stats, ShardSize ShardSize, int PerAgentGrainLimit, string ScenarioPath)
{
    /// <summary>The N of each measurement, in order (`--sizes`); empty: <see cref="Agents"/> alone.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [];

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

/// <summary>One engine mode's figures: medians over the timed runs (agent-steps/s: N · epochs over the median loop time).</summary>
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

    /// <summary>Agent-steps/s of the timed runs: median, min–max and quartiles.</summary>
    public BenchSpread RateSpread { get; init; }

    /// <summary>The rate as a percentage of the floor's (<see cref="FloorKernel"/>): the median over rounds of each run against the floor run
    /// of its round.</summary>
    public double FloorPercent { get; init; }

    /// <summary>The whole process's peak resident set during the mode's largest run (runtime and silo included) over N.</summary>
    public double PeakRssBytesPerAgent { get; init; }
}

/// <summary>One mode of a bench session: its engine (null: the floor), shard size and behaviour; <see cref="Skipped"/> says why it is
/// not run.</summary>
public sealed record BenchMode(string Name, Func<ISimulationEngine>? Engine, ShardSize AgentsPerGrain, string Behaviour, string? Skipped = null);

/// <summary>One N of a bench session: the floor, every mode (in the order given), the load average at the end, the warm-up rounds.</summary>
public sealed record BenchSize(int Agents, BenchResult Floor, IReadOnlyList<BenchResult> Results, string LoadAverage, int WarmUpRounds);
