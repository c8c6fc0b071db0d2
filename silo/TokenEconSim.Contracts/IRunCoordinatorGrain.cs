using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Contracts;

/// <summary>
/// Owns one run's epoch loop: fans out to the shard grains, awaits all, aggregates in id order.
/// Simulated time advances only when a caller asks (<see cref="Advance"/>), never on a timer.
/// Key: the run id.
/// </summary>
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Creates the run's shard grains from a resolved scenario (YAML text).</summary>
    Task<RunStarted> Start(string resolvedScenario);

    /// <summary>Runs until <paramref name="maxEpochs"/> more epochs complete or the run ends.</summary>
    Task<EpochBatch> Advance(int maxEpochs);
}

[GenerateSerializer, Immutable, Alias("TokenEconSim.RunStarted")]
public sealed record RunStarted([property: Id(0)] int Shards, [property: Id(1)] int Agents, [property: Id(2)] int Epochs);

[GenerateSerializer, Immutable, Alias("TokenEconSim.EpochBatch")]
public sealed record EpochBatch([property: Id(0)] EpochMetrics[] Epochs, [property: Id(1)] bool Complete);

public static class GrainKeys
{
    public static string Shard(string runId, int index) => $"{runId}/{index}";

    public static string Miner(string runId, int index) => $"{runId}/miner/{index}";

    public static string Validator(string runId, int index) => $"{runId}/validator/{index}";

    public static string Chain(string runId) => $"{runId}/chain";

    public static string Predictor(string runId) => $"{runId}/predictor";
}
