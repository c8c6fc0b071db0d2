using System.Text;
using Orleans.TestingHost;
using TokenEconSim.Contracts;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Grains.Tests;

/// <summary>Runs a resolved scenario on a test cluster or on the direct engine and returns metrics.csv's bytes.</summary>
internal static class ClusterRun
{
    public static async Task<InProcessTestCluster> StartClusterAsync(int silos)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddTokenEconSim();
        });
        builder.ConfigureClient(client => client.Services.AddTokenEconSim());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task<byte[]> OnClusterAsync(IGrainFactory grains, string runId, string resolved)
    {
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(runId);
        await coordinator.Start(resolved);
        var rows = new List<EpochMetrics>();
        EpochBatch batch;
        do
        {
            batch = await coordinator.Advance(3);
            rows.AddRange(batch.Epochs);
        } while (!batch.Complete);
        return Csv(rows);
    }

    public static async Task<byte[]> DirectAsync(string resolved)
    {
        var model = new RunModel(Load(resolved));
        var loop = new EpochLoop(model, new DirectShardGateway(model), ConsensusFactory.Create(model.Scenario));
        return Csv(await loop.AdvanceAsync(int.MaxValue, TestContext.Current.CancellationToken));
    }

    /// <summary>A shipped scenario file as is, with overrides (no population caps).</summary>
    public static string ResolvedFile(string file, params (string Key, string Value)[] sets)
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(RepoRoot(), "scenarios", file),
            [.. sets.Select(s => new KeyValuePair<string, string>(s.Key, s.Value))]);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return ScenarioWriter.ToYaml(result.Scenario!);
    }

    /// <summary>A small economy from the shipped baseline, with overrides.</summary>
    public static string Resolved(params (string Key, string Value)[] sets)
    {
        var overrides = new List<KeyValuePair<string, string>>
        {
            new("run.epochs", "12"),
            new("populations.data_providers.count", "40"),
            new("populations.trainers.count", "20"),
            new("populations.users.count", "30"),
            new("populations.validators.count", "7"),
            new("populations.miners.count", "9"),
        };
        overrides.AddRange(sets.Select(s => new KeyValuePair<string, string>(s.Key, s.Value)));
        var result = ScenarioLoader.LoadFile(Path.Combine(RepoRoot(), "scenarios", "baseline.yaml"), overrides);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return ScenarioWriter.ToYaml(result.Scenario!);
    }

    private static Domain.Parameters.Scenario Load(string resolved) =>
        ScenarioLoader.LoadText(resolved).Scenario ?? throw new InvalidOperationException("resolved scenario does not load");

    /// <summary>metrics.csv followed by blocks.csv, so both must agree to the byte.</summary>
    public static byte[] Csv(IReadOnlyList<EpochMetrics> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new MetricsCsvWriter(stream, MetricLayout.Every, "cluster")) foreach (var row in rows) writer.Write(row);
        using var blocks = new MemoryStream();
        var network = rows.Any(r => r.BlockRecords.Any(b => b.Network is not null)); // a network run's blocks carry their tree fields
        using (var writer = new BlocksCsvWriter(blocks, "cluster", network)) foreach (var row in rows) writer.Write(row);
        return [.. stream.ToArray(), .. blocks.ToArray()];
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenEconSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (TokenEconSim.sln) not found");
    }

    public static string Text(byte[] csv) => Encoding.UTF8.GetString(csv);
}
