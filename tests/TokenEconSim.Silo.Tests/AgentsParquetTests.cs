using System.Globalization;
using DuckDB.NET.Data;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// agents.parquet (outputs.agents, docs/model.md §17.8) from real runs, read by an independent reader (DuckDB): one row per agent per
/// recorded epoch whose totals per role per epoch are metrics.csv's; the same bytes on both engines, at every shard size and after a
/// resume; the run_id of metrics.csv, blocks.csv and summary.json; `silo agents --csv`; and no file when outputs.agents is none.
/// </summary>
public sealed class AgentsParquetTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BothEnginesAndEveryShardSizeWriteTheSameFileAndItAddsUpToTheMetrics()
    {
        // incentives-synthetic.yaml, small: logit providers (cheating, staked; max_count 300), best-responding trainers (max_count 150),
        // logit users; fixed validators and miners. Every 4th epoch of 14 is recorded, and the last: epochs 3, 7, 11, 13.
        string[] small = ["--epochs", "14", "--set", "outputs.charts=false", "--set", "outputs.agents=every", "--set", "outputs.agents_every=4",
            .. Populations.Small];
        var reference = await Run("direct", 64);
        var expected = File.ReadAllBytes(AgentsPath(reference));
        foreach (var (engine, shard) in new[] { ("direct", 1), ("orleans", 7), ("orleans", 64) })
        {
            var other = await Run(engine, shard);
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(AgentsPath(other))),
                $"agents.parquet differs on {engine} with {shard} agents per shard");
            Assert.Equal(reference.MetricsBytes, other.MetricsBytes);
        }

        var metrics = File.ReadAllLines(reference.MetricsPath);
        var columns = metrics[0].Split(',');
        var epochs = metrics[1..].Select(l => l.Split(',')).ToArray();
        var runId = epochs[0][0];
        Assert.Equal("run_id", columns[0]);
        Assert.Matches("^[0-9a-f]{12}$", runId);
        Assert.All(epochs, e => Assert.Equal(runId, e[0]));
        Assert.Contains($"\"run_id\": \"{runId}\"", File.ReadAllText(reference.SummaryPath));
        Assert.All(File.ReadAllLines(Path.Combine(reference.Folder, "blocks.csv"))[1..], l => Assert.StartsWith(runId + ",", l));

        var groups = Query(AgentsPath(reference), "SELECT epoch, role, count(*), sum(reward), count(*) FILTER (WHERE active), sum(fees), "
            + "min(run_id), max(run_id) FROM read_parquet('{0}') GROUP BY epoch, role ORDER BY epoch, role");
        Assert.Equal(new[] { 3, 7, 11, 13 }.SelectMany(e => Enumerable.Repeat(e, 5)), groups.Select(g => Convert.ToInt32(g[0])));
        foreach (var g in groups)
        {
            var (epoch, role) = (Convert.ToInt32(g[0]), (string)g[1]);
            var row = epochs[epoch];
            Assert.Equal(Cell(row, columns, $"reward_total_{role}"), (double)g[3], 1e-6);
            Assert.Equal(Cell(row, columns, $"active_{role}"), Convert.ToDouble(g[4]));
            Assert.Equal((runId, runId), ((string)g[6], (string)g[7]));
        }
        foreach (var epoch in new[] { 3, 7, 11, 13 })
            Assert.Equal(Cell(epochs[epoch], columns, "fees_paid"), groups.Where(g => Convert.ToInt32(g[0]) == epoch).Sum(g => (double)g[5]), 1e-6);
        // Every agent once per recorded epoch: latent agents of the responding populations included.
        Assert.All(groups.Where(g => (string)g[1] == "provider"), g => Assert.Equal(300L, Convert.ToInt64(g[2])));

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("incentives-synthetic.yaml"), "incentives-synthetic",
            ["--engine", engine, "--set", $"run.agents_per_grain={shard}", .. small]);
    }

    /// <summary>miners-respond.yaml as shipped (outputs.agents: final): the last epoch's rows carry each miner's totals over the run.</summary>
    [Fact]
    public async Task TheFinalEpochsRowsCarryTheTotalsOverTheRun()
    {
        var direct = await Run("direct", 64);
        var orleans = await Run("orleans", 7);
        Assert.True(File.ReadAllBytes(AgentsPath(direct)).AsSpan().SequenceEqual(File.ReadAllBytes(AgentsPath(orleans))));
        var metrics = File.ReadAllLines(direct.MetricsPath);
        var (columns, epochs) = (metrics[0].Split(','), metrics[1..].Select(l => l.Split(',')).ToArray());
        var miners = Assert.Single(Query(AgentsPath(direct), "SELECT min(epoch), max(epoch), count(*), sum(reward_total), "
            + "sum(epochs_active)::BIGINT, count(present) FROM read_parquet('{0}') WHERE role = 'miner'"));
        Assert.Equal((11, 11), (Convert.ToInt32(miners[0]), Convert.ToInt32(miners[1])));
        Assert.Equal(25L, Convert.ToInt64(miners[2]));
        Assert.Equal(epochs.Sum(e => Cell(e, columns, "reward_total_miner")), (double)miners[3], 1e-6);
        Assert.Equal(epochs.Sum(e => Cell(e, columns, "active_miner")), Convert.ToDouble(miners[4]));
        Assert.Equal(25L, Convert.ToInt64(miners[5]));
        var fixedRoles = Assert.Single(Query(AgentsPath(direct), "SELECT count(*), count(present) FROM read_parquet('{0}') WHERE role <> 'miner'"));
        Assert.True(Convert.ToInt64(fixedRoles[0]) > 0);
        Assert.Equal(0L, Convert.ToInt64(fixedRoles[1])); // fixed populations: the incentives columns are null

        Task<RunOutput> Run(string engine, int shard) => runs.RunFile(Repo.Scenario("miners-respond.yaml"), "miners-respond",
            ["--engine", engine, "--epochs", "12", "--set", $"run.agents_per_grain={shard}", "--set", "outputs.charts=false"]);
    }

    [Fact]
    public async Task ARunWithoutOutputsAgentsWritesNoFileAndSiloAgentsSaysSo()
    {
        var run = await runs.RunFile(Repo.Scenario("baseline.yaml"), "baseline",
            ["--engine", "direct", "--epochs", "4", "--set", "outputs.charts=false", .. Populations.Small]);
        Assert.Equal(["blocks.csv", "metrics.csv", "report.html", "scenario.yaml", "summary.json"],
            Directory.GetFileSystemEntries(run.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var result = await SiloCli.InvokeAsync("agents", run.Folder, "--csv");
        CliAssert.Exit(2, result);
        Assert.Contains("outputs.agents", result.Err);
    }

    [Fact]
    public async Task SiloAgentsCsvStreamsEveryRow()
    {
        var run = await runs.RunFile(Repo.Scenario("baseline.yaml"), "baseline",
            ["--engine", "direct", "--epochs", "3", "--set", "outputs.charts=false", "--set", "outputs.agents=every", .. Populations.Small]);
        var result = await SiloCli.InvokeAsync("agents", run.Folder, "--csv");
        CliAssert.Exit(0, result);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("run_id,epoch,id,role,active,balance,reward,", lines[0]);
        Assert.Equal(3 * 104, lines.Length - 1);
        var reward = Array.IndexOf(lines[0].Split(','), "reward");
        var paid = Assert.Single(Query(Path.Combine(run.Folder, "agents.parquet"), "SELECT sum(reward) FROM read_parquet('{0}')"));
        Assert.Equal((double)paid[0], lines[1..].Sum(l => double.Parse(l.Split(',')[reward], CultureInfo.InvariantCulture)), 1e-6);

        var described = await SiloCli.InvokeAsync("agents", run.Folder);
        CliAssert.Exit(0, described);
        Assert.Contains("312 rows", described.Out);
        Assert.Contains("v_data: double, nullable", described.Out);
    }

    /// <summary>
    /// incentives-synthetic.yaml without stakes (a staked population takes no checkpoints), as shipped (outputs.agents: final): a run that
    /// fails after a checkpoint and is resumed writes the agents.parquet of the run that never stopped.
    /// </summary>
    [Theory]
    [InlineData(EngineKind.Direct)]
    [InlineData(EngineKind.Orleans)]
    public async Task AResumedRunWritesTheFileOfTheUninterruptedRun(EngineKind engine)
    {
        var uninterrupted = await RunAsync(_dir.Sub($"clean-{engine}"), engine, failAt: null);
        var output = _dir.Sub($"failing-{engine}");
        await Assert.ThrowsAsync<RunExecutor.RunStoppedException>(() => RunAsync(output, engine, failAt: 25));
        var kept = Assert.Single(Directory.GetDirectories(output));
        var resumed = await RunResume.ResumeAsync(kept, Request(output, engine), TestContext.Current.CancellationToken);
        foreach (var file in new[] { "agents.parquet", "metrics.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(uninterrupted.Folder, file)), File.ReadAllBytes(Path.Combine(resumed.Folder, file)));
        var count = Assert.Single(Query(Path.Combine(resumed.Folder, "agents.parquet"), "SELECT count(*), min(epoch) FROM read_parquet('{0}')"));
        Assert.Equal((300L + 150 + 30 + 7 + 7, 29), (Convert.ToInt64(count[0]), Convert.ToInt32(count[1])));
    }

    [Fact]
    public async Task EveryNEpochsTakesNoCheckpointsAndSaysWhy()
    {
        var result = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--out", _dir.Sub("every"), "--engine", "direct",
            "--epochs", "3", "--checkpoint-every", "1", "--set", "outputs.agents=every", "--set", "outputs.charts=false");
        CliAssert.Exit(0, result);
        Assert.Contains("outputs.agents: every", result.Out);
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

    private static string AgentsPath(RunOutput run) => Path.Combine(run.Folder, "agents.parquet");

    private static double Cell(string[] row, string[] columns, string name)
    {
        var at = Array.IndexOf(columns, name);
        Assert.True(at >= 0, $"metrics.csv has no column {name}");
        return double.Parse(row[at], CultureInfo.InvariantCulture);
    }

    /// <summary>DuckDB's answer, row by row; {0} in <paramref name="sql"/> is the file's path.</summary>
    private static List<object[]> Query(string path, string sql)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = string.Format(CultureInfo.InvariantCulture, sql, path);
        using var reader = query.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return rows;
    }
}
