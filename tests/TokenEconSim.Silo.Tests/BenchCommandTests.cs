using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Studies.Bench;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo bench`: every engine mode runs the bench economy to the same metrics, byte for byte.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task AllModesReportFiguresAndIdenticalMetricsDigests()
    {
        var result = await SiloCli.InvokeAsync("bench", "--n", "200", "--epochs", "3", "--runs", "1",
            "--agents-per-grain", "50", "--scenario", Path.Combine(Repo.Scenarios, "bench.yaml"));
        CliAssert.Exit(0, result);
        var json = JsonDocument.Parse(result.Out[result.Out.IndexOf("{\n", StringComparison.Ordinal)..]);
        var modes = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["direct", "orleans-50", "orleans-1"], modes.Select(m => m.GetProperty("mode").GetString()));
        Assert.All(modes, m => Assert.True(m.GetProperty("agent_steps_per_second").GetDouble() > 0));
        // Every loop allocates something (at least its metrics rows), so 0 would mean the counter was not read.
        Assert.All(modes, m => Assert.True(m.GetProperty("allocated_bytes_per_step").GetDouble() > 0));
        Assert.Single(modes.Select(m => m.GetProperty("metrics_digest").GetString()).Distinct());
        // Progress goes to stderr, a line per timed run, so stdout stays the table and the JSON.
        Assert.Contains("orleans-1: run 1/1: ", result.Err);
        Assert.DoesNotContain("warming up", result.Out);
    }

    [Fact]
    public async Task WithLogitBehaviourEveryModeStillGivesTheSameMetrics()
    {
        string[] args = ["bench", "--n", "200", "--epochs", "3", "--runs", "1", "--agents-per-grain", "50", "--per-agent-limit", "100",
            "--scenario", Path.Combine(Repo.Scenarios, "bench.yaml")];
        var logit = await SiloCli.InvokeAsync([.. args, "--behaviour", "logit"]);
        CliAssert.Exit(0, logit);
        Assert.Contains("behaviour logit", logit.Out);
        var digests = Digests(logit);
        Assert.Equal(2, digests.Length); // direct and sharded Orleans; one grain per agent skipped above the limit
        Assert.Single(digests.Distinct());
        var plain = await SiloCli.InvokeAsync(args);
        Assert.NotEqual(digests[0], Digests(plain)[0]); // the agents decide: other metrics

        var bad = await SiloCli.InvokeAsync([.. args, "--behaviour", "greedy"]);
        CliAssert.Exit(2, bad);
        CliAssert.NoStackTrace(bad);
    }

    [Fact]
    public async Task LstmFlagMeasuresOnlyThePredictorAtBothSizes()
    {
        var result = await SiloCli.InvokeAsync("bench", "--lstm", "--runs", "1");
        CliAssert.Exit(0, result);
        Assert.Contains("window 12", result.Out);
        foreach (var hidden in new[] { "hidden 16:", "hidden 32:" })
        {
            var line = result.Out.Split('\n').Single(l => l.Contains(hidden, StringComparison.Ordinal));
            Assert.Contains("B per prediction", line);
            Assert.Contains("B per training step", line);
        }
        Assert.DoesNotContain("\"results\"", result.Out); // the economy is not run
    }

    [Fact]
    public async Task TheDigestIsThatOfTheRunsMetricsCsvWithoutItsRunIdColumn()
    {
        // The digests recorded in docs/performance.md predate the run_id column; the bench digest leaves it out to stay comparable.
        var options = new BenchOptions(200, 3, 1, false, ShardSize.Auto, 1, Path.Combine(Repo.Scenarios, "bench.yaml"));
        var bench = await SiloCli.InvokeAsync("bench", "--n", "200", "--epochs", "3", "--runs", "1", "--per-agent-limit", "1",
            "--scenario", options.ScenarioPath);
        CliAssert.Exit(0, bench);
        using var dir = new TempDir();
        var scenario = Path.Combine(dir.Path, "bench-200.yaml");
        File.WriteAllText(scenario, BenchRunner.Resolve(options, ShardSize.Auto, options.Epochs));

        var run = await SiloCli.InvokeAsync("run", scenario, "--out", dir.Path, "--quiet", "--engine", "direct");
        CliAssert.Exit(0, run);
        var lines = File.ReadAllText(Directory.GetFiles(dir.Path, "metrics.csv", SearchOption.AllDirectories).Single()).Split('\n');
        Assert.StartsWith("run_id,", lines[0]);
        var withoutRunId = string.Join('\n', lines.Select(line => line[(line.IndexOf(',') + 1)..]));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutRunId)))[..12];
        Assert.Equal([expected, expected], Digests(bench));
    }

    private static string[] Digests(CliResult result) =>
        [.. JsonDocument.Parse(result.Out[result.Out.IndexOf("{\n", StringComparison.Ordinal)..]).RootElement.GetProperty("results")
            .EnumerateArray().Select(m => m.GetProperty("metrics_digest").GetString()!).Where(d => d.Length > 0)];

    [Fact]
    public async Task BothBehavioursAreMeasuredOnEveryEngineWithTheirRatio()
    {
        var result = await SiloCli.InvokeAsync("bench", "--n", "200", "--epochs", "5", "--runs", "1",
            "--agents-per-grain", "50", "--behaviour", "both", "--scenario", Path.Combine(Repo.Scenarios, "bench.yaml"));
        CliAssert.Exit(0, result);
        var json = JsonDocument.Parse(result.Out[result.Out.IndexOf("{\n", StringComparison.Ordinal)..]);
        var modes = json.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(m => m.GetProperty("mode").GetString()!, m => m.GetProperty("metrics_digest").GetString());
        Assert.Equal(["direct fixed", "direct logit", "orleans-50 fixed", "orleans-50 logit", "orleans-1 fixed", "orleans-1 logit"], modes.Keys);
        // Each behaviour agrees with itself on every engine; choosing agents make another economy.
        Assert.Single(modes.Where(m => m.Key.EndsWith(" fixed", StringComparison.Ordinal)).Select(m => m.Value).Distinct());
        Assert.Single(modes.Where(m => m.Key.EndsWith(" logit", StringComparison.Ordinal)).Select(m => m.Value).Distinct());
        Assert.NotEqual(modes["direct fixed"], modes["direct logit"]);
        Assert.Contains("direct logit / direct fixed: ", result.Out);
        Assert.Contains("orleans-1 logit / orleans-1 fixed: ", result.Out);
    }

    [Fact]
    public async Task SizesMeasureEachNAgainstItsFloorAndTheMarkdownTableListsThemAll()
    {
        using var dir = new TempDir();
        var table = Path.Combine(dir.Path, "table.md");
        var result = await SiloCli.InvokeAsync("bench", "--sizes", "200,300", "--epochs", "3", "--runs", "1", "--agents-per-grain", "100",
            "--per-agent-limit", "200", "--scenario", Path.Combine(Repo.Scenarios, "bench.yaml"), "--markdown", table);
        CliAssert.Exit(0, result);
        var json = JsonDocument.Parse(result.Out[result.Out.IndexOf("{\n", StringComparison.Ordinal)..]).RootElement;
        Assert.Equal([200, 300], json.GetProperty("floors").EnumerateArray().Select(f => f.GetProperty("agents").GetInt32()));
        var modes = json.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["direct", "orleans-100", "orleans-1", "direct", "orleans-100", "orleans-1"],
            modes.Select(m => m.GetProperty("mode").GetString()));
        Assert.Equal("skipped: N > 200", modes[5].GetProperty("skipped").GetString());
        Assert.All(modes.Where(m => m.GetProperty("skipped").ValueKind == JsonValueKind.Null),
            m => Assert.True(m.GetProperty("floor_percent").GetDouble() > 0));
        var rows = File.ReadAllLines(table)
            .Where(l => l.StartsWith("| 200 |", StringComparison.Ordinal) || l.StartsWith("| 300 |", StringComparison.Ordinal));
        Assert.Equal(8, rows.Count()); // floor and three modes at each N
        Assert.Contains("bench --sizes 200,300", File.ReadAllText(table));
        // The digests are those of the runs at each N, as without --sizes.
        var alone = await SiloCli.InvokeAsync("bench", "--n", "300", "--epochs", "3", "--runs", "1", "--agents-per-grain", "100",
            "--per-agent-limit", "1", "--scenario", Path.Combine(Repo.Scenarios, "bench.yaml"));
        Assert.Equal(modes[3].GetProperty("metrics_digest").GetString(), Digests(alone)[0]);

        var bad = await SiloCli.InvokeAsync("bench", "--sizes", "1000,x");
        CliAssert.Exit(2, bad);
        CliAssert.NoStackTrace(bad);
        Assert.Contains("--sizes: 'x'", bad.Err);
    }

    [Fact]
    public async Task ZeroAgentsIsBadInput()
    {
        var result = await SiloCli.InvokeAsync("bench", "--n", "0");
        CliAssert.Exit(2, result);
        CliAssert.NoStackTrace(result);
        Assert.Contains("--n must be ≥ 1", result.Err);
    }
}
