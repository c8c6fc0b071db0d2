using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// The runs the determinism tests compare, each made once (lazily) and shared: a small economy
/// (104 agents, 8 epochs, no charts) so that the Orleans runs stay at a second or two each.
/// </summary>
public sealed class DeterminismRuns : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<RunOutput>>> _runs = new();
    private int _next;

    public static string Scenario => Repo.Scenario("baseline.yaml");

    /// <summary>Runs baseline.yaml (small) with these settings, once per distinct (key, variant).</summary>
    internal Task<RunOutput> Get(string engine, long seed, int agentsPerGrain, string variant = "") =>
        _runs.GetOrAdd($"{engine}/{seed}/{agentsPerGrain}/{variant}", _ => new Lazy<Task<RunOutput>>(() =>
            Run(engine, seed, agentsPerGrain))).Value;

    /// <summary>A run of any file into a fresh folder; asserts success and returns its results folder.</summary>
    internal async Task<RunOutput> RunFile(string scenarioPath, string runName, params string[] extra)
    {
        var output = _dir.Sub($"run-{Interlocked.Increment(ref _next)}");
        var result = await SiloCli.InvokeAsync(["run", scenarioPath, "--out", output, "--quiet", .. extra]);
        CliAssert.Exit(0, result);
        return RunOutput.Single(output, runName);
    }

    private Task<RunOutput> Run(string engine, long seed, int agentsPerGrain) =>
        RunFile(Scenario, "baseline",
        [
            "--engine", engine, "--seed", seed.ToString(), "--epochs", "8",
            "--set", $"run.agents_per_grain={agentsPerGrain}", "--set", "outputs.charts=false",
            .. Populations.Small,
        ]);

    public void Dispose() => _dir.Dispose();
}

/// <summary>docs/model.md §7: same scenario and seed ⇒ same metrics, whatever the engine or the sharding.</summary>
public sealed class DeterminismTests(DeterminismRuns runs) : IClassFixture<DeterminismRuns>
{
    [Fact]
    public async Task SameScenarioAndSeedTwiceOnOrleansIsByteIdentical()
    {
        var first = await runs.Get("orleans", seed: 7, agentsPerGrain: 100);
        var second = await runs.Get("orleans", seed: 7, agentsPerGrain: 100, variant: "again");

        Assert.Equal(8, first.MetricRows.Count);
        Assert.Equal(first.MetricsBytes, second.MetricsBytes);
        Assert.Equal(first.SummaryBytes, second.SummaryBytes);
        Assert.NotEqual(first.Folder, second.Folder);
    }

    [Fact]
    public async Task SameScenarioAndSeedTwiceOnDirectIsByteIdentical()
    {
        var first = await runs.Get("direct", seed: 7, agentsPerGrain: 100);
        var second = await runs.Get("direct", seed: 7, agentsPerGrain: 100, variant: "again");

        Assert.Equal(first.MetricsBytes, second.MetricsBytes);
        Assert.Equal(first.SummaryBytes, second.SummaryBytes);
    }

    [Fact]
    public async Task DirectAndOrleansEnginesAreByteIdentical()
    {
        var orleans = await runs.Get("orleans", seed: 7, agentsPerGrain: 100);
        var direct = await runs.Get("direct", seed: 7, agentsPerGrain: 100);

        Assert.Equal(orleans.MetricsBytes, direct.MetricsBytes);
        Assert.Equal(orleans.SummaryBytes, direct.SummaryBytes);
        Assert.Equal(orleans.ReportBytes, direct.ReportBytes);
    }

    /// <summary>
    /// report.html with its charts (inline SVG, whose clip-path ids Skia numbers per process) is a function of the run alone. (Not across
    /// shard sizes: run.agents_per_grain is a key of the scenario the report shows.)
    /// </summary>
    [Fact]
    public async Task ReportWithChartsIsByteIdenticalOnDirectAndOrleans()
    {
        string[] common = ["--seed", "7", "--epochs", "8", .. Populations.Small];
        var direct = await runs.RunFile(DeterminismRuns.Scenario, "baseline", ["--engine", "direct", .. common]);
        var orleans = await runs.RunFile(DeterminismRuns.Scenario, "baseline", ["--engine", "orleans", .. common]);

        var report = System.Text.Encoding.UTF8.GetString(direct.ReportBytes);
        Assert.Equal(Directory.GetFiles(Path.Combine(direct.Folder, "charts"), "*.svg").Length, Regex.Count(report, "<svg "));
        Assert.Equal(direct.ReportBytes, orleans.ReportBytes);
    }

    [Fact]
    public async Task OneAgentPerGrainAndAHundredPerGrainAreByteIdentical()
    {
        var fine = await runs.Get("orleans", seed: 7, agentsPerGrain: 1);
        var coarse = await runs.Get("orleans", seed: 7, agentsPerGrain: 100);

        Assert.Equal(8, fine.MetricRows.Count);
        Assert.Equal(fine.MetricsBytes, coarse.MetricsBytes);
        Assert.Equal(fine.SummaryBytes, coarse.SummaryBytes);
    }

    [Fact]
    public async Task ADifferentSeedGivesDifferentMetrics()
    {
        var seven = await runs.Get("direct", seed: 7, agentsPerGrain: 100);
        var eight = await runs.Get("direct", seed: 8, agentsPerGrain: 100);

        Assert.NotEqual(seven.MetricsBytes, eight.MetricsBytes);
        Assert.Matches(@"(?m)^  seed: 8\s*$", File.ReadAllText(eight.ScenarioPath));
    }

    /// <summary>docs/model.md §15: the resolved scenario in a results folder is enough to re-run the run.</summary>
    [Fact]
    public async Task TheResolvedScenarioYamlRerunsToByteIdenticalMetrics()
    {
        var original = await runs.Get("direct", seed: 7, agentsPerGrain: 100);

        // No overrides this time: seed, epochs, populations and sharding must all come from the file.
        var rerun = await runs.RunFile(original.ScenarioPath, "baseline", "--engine", "direct");

        Assert.Equal(8, rerun.MetricRows.Count);
        Assert.Equal(original.MetricsBytes, rerun.MetricsBytes);
        Assert.Equal(original.SummaryBytes, rerun.SummaryBytes);
        // Resolving an already resolved scenario changes nothing but the provenance comment.
        Assert.Equal(WithoutComments(original.ScenarioPath), WithoutComments(rerun.ScenarioPath));
    }

    [Fact]
    public async Task TheResolvedScenarioYamlRerunsOnTheOtherEngineToo()
    {
        var original = await runs.Get("direct", seed: 7, agentsPerGrain: 100);
        var orleans = await runs.Get("orleans", seed: 7, agentsPerGrain: 100);

        var rerun = await runs.RunFile(orleans.ScenarioPath, "baseline", "--engine", "direct");

        Assert.Equal(original.MetricsBytes, rerun.MetricsBytes);
    }

    /// <summary>A scenario written with `extends` resolves to a standalone file that re-runs from the results folder.</summary>
    [Fact]
    public async Task AResolvedScenarioThatCameFromExtendsRerunsToByteIdenticalMetrics()
    {
        var original = await runs.RunFile(Repo.Scenario("absolute-rewards.yaml"), "absolute-rewards",
            ["--engine", "direct", "--epochs", "5", "--set", "outputs.charts=false", .. Populations.Small]);
        Assert.DoesNotContain("extends", File.ReadAllText(original.ScenarioPath));

        var rerun = await runs.RunFile(original.ScenarioPath, "absolute-rewards", "--engine", "direct");

        Assert.Equal(5, rerun.MetricRows.Count);
        Assert.Equal(original.MetricsBytes, rerun.MetricsBytes);
        Assert.Equal(original.SummaryBytes, rerun.SummaryBytes);
    }

    private static string[] WithoutComments(string path) =>
        [.. File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#'))];
}
