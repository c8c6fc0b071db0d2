using System.Globalization;
using TokenEconSim.Silo.Cli;
using TokenEconSim.Silo.Engines;
using TokenEconSim.Silo.Runs;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// agents.csv (docs/model.md §17.8): a run whose populations respond writes one row per agent of each responding population with its
/// totals over the whole run; the same bytes on both engines, at every shard size and after a resume; consistent with metrics.csv; and
/// a run whose populations all draw writes none.
/// </summary>
public sealed class AgentsCsvTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>, IDisposable
{
    private const string Header = "id,role,present,epochs_active,cheated_epochs,reward,cost,slashed,profit,bond";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BothEnginesAndEveryShardSizeWriteTheSameAgentsCsvAndItAddsUpToTheMetrics()
    {
        // incentives-synthetic.yaml, small: logit providers (cheating, staked; max_count 300), best-responding trainers (max_count 150), logit users.
        string[] small = ["--epochs", "16", "--set", "outputs.charts=false", .. Populations.Small];
        var reference = await Run("direct", 64);
        var expected = File.ReadAllBytes(AgentsPath(reference));
        foreach (var (engine, shard) in new[] { ("direct", 1), ("direct", 7), ("orleans", 7), ("orleans", 64) })
        {
            var other = await Run(engine, shard);
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(AgentsPath(other))),
                $"agents.csv differs on {engine} with {shard} agents per shard");
        }

        var lines = File.ReadAllText(AgentsPath(reference)).Split('\n');
        Assert.Equal(Header, lines[0]);
        Assert.Equal("", lines[^1]); // "\n" ends every row
        var rows = lines[1..^1].Select(l => l.Split(',')).ToArray();
        Assert.Equal(300 + 150 + 30, rows.Length); // every hosted agent of the responding roles, latent ones included
        Assert.Equal([.. Enumerable.Range(0, rows.Length)], rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));

        var metrics = File.ReadAllLines(reference.MetricsPath);
        var columns = metrics[0].Split(',');
        var epochs = metrics[1..].Select(l => l.Split(',')).ToArray();
        foreach (var role in new[] { "provider", "trainer", "user" })
        {
            var mine = rows.Where(r => r[1] == role).ToArray();
            Assert.NotEmpty(mine);
            // Token amounts are exact decimals on both sides: every epoch's reward, the last (paid, not settled in the state) included.
            Assert.Equal(Sum(epochs, columns, $"reward_total_{role}"), mine.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
            Assert.Equal(Sum(epochs, columns, $"active_{role}"), mine.Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)));
            Assert.Equal(decimal.Parse(epochs[^1][Array.IndexOf(columns, $"present_{role}")], CultureInfo.InvariantCulture),
                mine.Count(r => r[2] == "1"));
            var cost = (double)Sum(epochs, columns, $"cost_total_{role}");
            Assert.Equal(cost, mine.Sum(r => double.Parse(r[6], CultureInfo.InvariantCulture)), 1e-4);
        }
        Assert.Equal(Sum(epochs, columns, "bond_slashed"), rows.Sum(r => decimal.Parse(r[7], CultureInfo.InvariantCulture)));
        Assert.True(rows.Any(r => r[7] != "0.00000000"), "some cheat was caught and slashed");
        Assert.Equal(decimal.Parse(epochs[^1][Array.IndexOf(columns, "bonded")], CultureInfo.InvariantCulture),
            rows.Sum(r => decimal.Parse(r[9], CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal((double)Tokens(r[5]) - double.Parse(r[6], CultureInfo.InvariantCulture) - (double)Tokens(r[7]),
            double.Parse(r[8], CultureInfo.InvariantCulture), 1e-9));

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. small]);
    }

    /// <summary>Responding miners have their rows too, and on both engines: their pay is the block rewards credited to them.</summary>
    [Fact]
    public async Task RespondingMinersHaveRowsThatAddUpToTheirBlockRewards()
    {
        var direct = await Run("direct", 64);
        var orleans = await Run("orleans", 7);
        Assert.True(File.ReadAllBytes(AgentsPath(direct)).AsSpan().SequenceEqual(File.ReadAllBytes(AgentsPath(orleans))));
        var rows = File.ReadAllLines(AgentsPath(direct))[1..].Select(l => l.Split(',')).ToArray();
        Assert.Equal(25, rows.Length);
        Assert.All(rows, r => Assert.Equal("miner", r[1]));
        var metrics = File.ReadAllLines(direct.MetricsPath);
        var (columns, epochs) = (metrics[0].Split(','), metrics[1..].Select(l => l.Split(',')).ToArray());
        Assert.Equal(Sum(epochs, columns, "reward_total_miner"), rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(Sum(epochs, columns, "active_miner"), rows.Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)));

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("miners-respond.yaml"), "miners-respond",
            ["--engine", engine, "--epochs", "12", "--set", $"run.agents_per_grain={shard}", "--set", "outputs.charts=false"]);
    }

    [Fact]
    public async Task ARunWhosePopulationsAllDrawWritesNoAgentsCsv()
    {
        var run = await runs.RunFile(Repo.Scenario("baseline.yaml"), "baseline",
            ["--engine", "direct", "--epochs", "4", "--set", "outputs.charts=false", .. Populations.Small]);
        Assert.Equal(["blocks.csv", "metrics.csv", "report.html", "scenario.yaml", "summary.json"],
            Directory.GetFileSystemEntries(run.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// incentives-synthetic.yaml without stakes (a staked population takes no checkpoints): a run that fails after a checkpoint and is resumed
    /// writes the agents.csv of the run that never stopped; the checkpoint's drain and the restored state change no agent's totals.
    /// </summary>
    [Theory]
    [InlineData(EngineKind.Direct)]
    [InlineData(EngineKind.Orleans)]
    public async Task AResumedRunWritesTheAgentsCsvOfTheUninterruptedRun(EngineKind engine)
    {
        var uninterrupted = await RunAsync(_dir.Sub($"clean-{engine}"), engine, failAt: null);
        var output = _dir.Sub($"failing-{engine}");
        await Assert.ThrowsAsync<RunExecutor.RunStoppedException>(() => RunAsync(output, engine, failAt: 25));
        var kept = Assert.Single(Directory.GetDirectories(output));
        var resumed = await RunResume.ResumeAsync(kept, Request(output, engine), TestContext.Current.CancellationToken);
        foreach (var file in new[] { "agents.csv", "metrics.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(uninterrupted.Folder, file)), File.ReadAllBytes(Path.Combine(resumed.Folder, file)));
        Assert.Equal(300 + 150 + 30 + 1, File.ReadAllLines(Path.Combine(resumed.Folder, "agents.csv")).Length);
    }

    private static RunRequest Request(string output, EngineKind engine) =>
        new("incentives-synthetic.yaml", [], output, engine, ShowProgress: false) { CheckpointEvery = 10 };

    /// <summary>30 epochs; the epoch observer throws (as a full disk would) once <paramref name="failAt"/> epochs are written.</summary>
    private static Task<RunExecutor.Outcome> RunAsync(string output, EngineKind engine, int? failAt)
    {
        var written = 0;
        return RunExecutor.ExecuteAsync(Request(output, engine) with
        {
            Scenario = ScenarioInput.Load(Repo.Scenario("incentives-synthetic.yaml"),
            [
                new("run.epochs", "30"), new("outputs.charts", "false"), new("populations.data_providers.count", "40"),
                new("populations.trainers.count", "20"), new("populations.users.count", "30"), new("populations.validators.count", "7"),
                new("populations.miners.count", "7"), new("behaviour.data_providers.stake", "0"), new("behaviour.data_providers.slash", "0"),
            ]),
            OnEpochs = batch =>
            {
                written += batch.Count;
                if (written >= failAt) throw new IOException("No space left on device (simulated)");
            },
        }, TestContext.Current.CancellationToken);
    }

    private static decimal Tokens(string cell) => decimal.Parse(cell, CultureInfo.InvariantCulture);

    private static string AgentsPath(RunOutput run) => Path.Combine(run.Folder, "agents.csv");

    private static decimal Sum(string[][] epochs, string[] columns, string name)
    {
        var at = Array.IndexOf(columns, name);
        Assert.True(at >= 0, $"metrics.csv has no column {name}");
        return epochs.Sum(e => decimal.Parse(e[at], CultureInfo.InvariantCulture));
    }
}
