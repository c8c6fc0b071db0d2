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

    /// <summary>Which economy is scaled to N (`--economy`): <see cref="BenchEconomy.Bench"/> or <see cref="BenchEconomy.Ai"/>.</summary>
    public string Economy { get; init; } = BenchEconomy.Bench;
}

/// <summary>
/// The values of `silo bench --economy`: the bench economy (scenarios/bench.yaml) or the federated AI economy (scenarios/ai-baseline.yaml,
/// docs/model.md §10), each scaled to N with its own role proportions, and each timed against its own floor.
/// </summary>
public static class BenchEconomy
{
    public const string Bench = "bench", Ai = "ai";

    /// <summary>The scenario an economy scales when `--scenario` is not given.</summary>
    public static string DefaultScenario(string economy) => economy == Ai ? "scenarios/ai-baseline.yaml" : "scenarios/bench.yaml";

    /// <summary>Epochs of a timed run when `--epochs` is not given: an AI epoch trains a model, so it costs ~100 bench epochs.</summary>
    public static int DefaultEpochs(string economy) => economy == Ai ? 20 : 100;

    /// <summary>
    /// Role shares, providers first (they take the rounding remainder). Bench: 40 % D, 20 % T, 30 % U, 5 % V, 5 % M (scenarios/bench.yaml,
    /// docs/performance.md). AI: ai-baseline.yaml's 100 D, 30 T, 60 U, 7 V, 13 M per 210 agents, so N = 210 is that file's network.
    /// </summary>
    public static (Role Role, double Share)[] Shares(string economy) => economy == Ai
        ?
        [
            (Role.DataProvider, 100 / 210.0), (Role.Trainer, 30 / 210.0), (Role.ServiceUser, 60 / 210.0), (Role.Validator, 7 / 210.0),
            (Role.Miner, 13 / 210.0),
        ]
        :
        [
            (Role.DataProvider, 0.40), (Role.Trainer, 0.20), (Role.ServiceUser, 0.30), (Role.Validator, 0.05), (Role.Miner, 0.05),
        ];
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
