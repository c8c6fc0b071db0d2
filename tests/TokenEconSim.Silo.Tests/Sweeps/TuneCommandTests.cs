using System.Text.Json;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>
/// `silo tune`: the evaluations it reports are real runs' objectives, the best is the best of them, and a second start reuses the runs.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class TuneCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TuneRecordsEveryEvaluationReportsTheBestAndReusesRunsWhenStartedAgain()
    {
        SweepFiles.Base(_dir);
        var file = SweepFiles.Sweep(_dir, "tune.yaml", "  seeds: 2\n" + SweepFiles.Objective);
        var output = _dir.Sub("sweeps");

        var result = await SiloCli.InvokeAsync("tune", file, "--out", output, "--max-evals", "6", "--quiet");

        CliAssert.Exit(0, result);
        var folder = result.ResultsFolder;
        Assert.Matches(@"[/\\]tune-tune-\d{8}-\d{6}$", folder);
        var path = SweepCommandTests.Csv(Path.Combine(folder, "tune.csv"));
        Assert.Equal(6, path.Count);
        Assert.All(path, e => Assert.Equal(1m, decimal.Parse(e["rewards.alpha"]) + decimal.Parse(e["rewards.beta"])
            + decimal.Parse(e["rewards.gamma"])));
        // The start is the base's own weights (0.4, 0.3, 0.3).
        Assert.Equal(("0.4", "0.3", "0.3"), (path[0]["rewards.alpha"], path[0]["rewards.beta"], path[0]["rewards.gamma"]));

        // Each evaluation's objective is its point's mean in points.csv, which is the mean over its runs.
        var points = SweepCommandTests.Csv(Path.Combine(folder, "points.csv"));
        var runs = SweepCommandTests.Csv(Path.Combine(folder, "runs.csv"));
        Assert.Equal(2 * points.Count, runs.Count);
        foreach (var e in path)
        {
            var mean = runs.Where(r => r["point"] == e["point"]).Average(r => double.Parse(r["objective"]));
            Assert.Equal(mean, double.Parse(e["objective_mean"]), 12);
        }
        var best = path.MinBy(e => double.Parse(e["objective_mean"]))!;
        Assert.Contains($"best: α={best["rewards.alpha"]} β={best["rewards.beta"]} γ={best["rewards.gamma"]}", result.Out);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json"))))
        {
            Assert.Equal("tune", json.RootElement.GetProperty("mode").GetString());
            Assert.Equal(double.Parse(best["objective_mean"]), json.RootElement.GetProperty("best").GetProperty("objective_mean").GetDouble(), 12);
        }
        Assert.True(File.Exists(Path.Combine(folder, "charts", "tune_path.png")));

        var again = await SiloCli.InvokeAsync("tune", file, "--out", output, "--max-evals", "6", "--quiet");
        CliAssert.Exit(0, again);
        Assert.Equal(folder, again.ResultsFolder);
        Assert.Contains("6 evaluations, 0 runs", again.Out);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "tune.csv")), File.ReadAllText(Path.Combine(again.ResultsFolder, "tune.csv")));
    }
}
