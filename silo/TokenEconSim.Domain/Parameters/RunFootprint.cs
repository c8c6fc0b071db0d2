using System.Globalization;

namespace TokenEconSim.Domain.Parameters;

/// <summary>
/// The memory one run of a scenario needs, estimated from the scenario alone, so that `silo
/// validate` can show it and the dashboard can refuse a run its server cannot hold (a run that
/// does not fit aborts the whole process, and every other run with it).
///
/// The shards' arrays (AgentShard) take 105 bytes per agent: random state 32, balance 8, weight 8,
/// two values 16, active 1, score 16, two sorted copies of the balances 16 and the sort buffer 8.
/// The epoch loop merges every shard's sorted balances into one array (8 more); grain messages
/// and the garbage collector's headroom take the rest, and a checkpoint holds the state's bytes
/// several times over while it is gathered and written. Calibrated on the maximum resident set
/// (/usr/bin/time -v, `silo run`, Orleans engine, Debug build, 2 cores, 24 GB) with
/// populations.users.count raised:
///
/// | scenario, agents | epochs, checkpoint every | max RSS | per added agent |
/// | --- | --- | --- | --- |
/// | baseline, 500 | 3, none | 157 MB | |
/// | baseline, 10⁶ | 3, none | 399 MB | 248 B |
/// | baseline, 3·10⁶ | 3, none | 870 MB | 241 B |
/// | baseline, 10⁶ | 6, 5 | 1 457 MB | + 1 083 B for checkpoints |
/// | ai-baseline (federated), 10⁶ | 3, none | 600 MB | |
/// | ai-baseline (federated), 3·10⁶ | 3, none | 1 403 MB | 411 B (+ 170 B) |
///
/// (The direct engine, without Orleans' messages, took 252 MB for baseline at 10⁶.) The constants
/// round those up, so the estimate errs on the side of refusing.
/// </summary>
public static class RunFootprint
{
    /// <summary>Per agent, measured (above): 241–248 bytes, rounded up.</summary>
    public const long BytesPerAgent = 256;

    /// <summary>Per agent more with federated learning (measured 170, rounded up).</summary>
    public const long FederatedBytesPerAgent = 192;

    /// <summary>Per agent more while a checkpoint is taken (measured 1 083, rounded up).</summary>
    public const long CheckpointBytesPerAgent = 1_152;

    /// <summary>
    /// Per agent more when some population responds to incentives (docs/model.md §17): its choice state. `bench --behaviour both`
    /// measured 278 against 96 managed bytes per agent at 10⁴ and 10⁵ agents; rounded up.
    /// </summary>
    public const long RespondingBytesPerAgent = 192;

    /// <summary>
    /// Per agent more when outputs.agents records epochs (docs/model.md §17.8): each shard's capture buffers of two epochs in flight
    /// (~62 bytes per agent each), and on Orleans their wire copies. Measured at 10⁶ agents, 10 epochs all recorded, Release: direct 385
    /// against 243 MB without (142 B), Orleans 584 MB; rounded up. It does not grow with the epochs recorded (docs/performance.md).
    /// </summary>
    public const long AgentRowsBytesPerAgent = 256;

    /// <summary>Per run whatever its size: its grains, chain, results writers and metrics buffers.</summary>
    public const long BytesPerRun = 32L << 20;

    /// <param name="checkpointEvery">Epochs between checkpoints (0: none); `silo run` and the dashboard's runs take one every 10 by default.</param>
    public static long EstimateBytes(Scenario scenario, int checkpointEvery)
    {
        // The agents the shards host: a responding population's latent agents (up to its max_count) included.
        var layout = new Agents.PopulationLayout(scenario.Populations, scenario.Behaviour);
        long agents = layout.Total;
        var federated = scenario.Learning.Kind == LearningKind.Federated;
        var checkpoints = checkpointEvery > 0 && scenario.Run.Epochs >= checkpointEvery;
        var responding = Agents.Roles.All.Any(role => Behaviour.PopulationBehaviour.Responds(scenario.Behaviour, role));
        var perAgent = BytesPerAgent + (federated ? FederatedBytesPerAgent : 0) + (checkpoints ? CheckpointBytesPerAgent : 0)
            + (responding ? RespondingBytesPerAgent : 0) + (scenario.Outputs.Agents != AgentsOutput.None ? AgentRowsBytesPerAgent : 0);
        // The federated task's held-out validation set: features and a label per sample.
        var validation = federated ? (long)scenario.Learning.ValidationSize * (scenario.Learning.Dimensions + 1) * sizeof(double) : 0;
        return BytesPerRun + agents * perAgent + validation;
    }

    /// <summary>Bytes for people: "512 MiB", "23.4 GiB".</summary>
    public static string Format(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
        : Math.Ceiling(bytes / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture) + " MiB";
}
