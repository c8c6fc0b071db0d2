using System.Text.Json;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>`silo sweep` end to end: the folder contract, the tables, charts and the identity of each run with a plain `silo run`.</summary>
[Collection(SweepCollection.Name)]
public sealed class SweepCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ASimplexSweepWritesTheFolderContractAndOneRowPerRunAndPoint()
    {
        SweepFiles.Base(_dir);
        var file = SweepFiles.Sweep(_dir, "simplex.yaml", "  simplex: {step: 0.5}\n  seeds: [3, 8]\n" + SweepFiles.Objective);

        var result = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("sweeps"), "--parallel", "3");

        CliAssert.Exit(0, result);
        var folder = result.ResultsFolder;
        Assert.Matches(@"[/\\]simplex-\d{8}-\d{6}$", folder);
        Assert.Contains("12 runs in", result.Out);
        Assert.Contains("runs/min with --parallel 3", result.Out);
        foreach (var name in new[] { "sweep.yaml", "runs.csv", "points.csv", "sweep.json" })
            Assert.True(File.Exists(Path.Combine(folder, name)), $"{name} missing");
        Assert.Equal(12, Directory.GetDirectories(Path.Combine(folder, "runs")).Length);
        Assert.All(Directory.GetDirectories(Path.Combine(folder, "runs")), d => Assert.Matches(@"p00[0-5]-s[38]$", d));

        var runs = Csv(Path.Combine(folder, "runs.csv"));
        Assert.Equal(12, runs.Count);
        Assert.Equal(["run", "point", "rewards.alpha", "rewards.beta", "rewards.gamma", "seed", "folder"], runs[0].Keys.Take(7));
        Assert.Contains("final_gini", runs[0].Keys);
        Assert.Equal("objective", runs[0].Keys.Last());
        Assert.Equal(["3", "8"], runs.Take(2).Select(r => r["seed"]));
        Assert.All(runs, r => Assert.Equal(
            double.Parse(r["final_gini"]) + 2 * Math.Abs(double.Parse(r["mean_inflation"]) - 0.1), double.Parse(r["objective"]), 12));

        var points = Csv(Path.Combine(folder, "points.csv"));
        Assert.Equal(6, points.Count);
        // The mean of a point is the mean of its two runs.
        var gini = runs.Take(2).Select(r => double.Parse(r["final_gini"])).Average();
        Assert.Equal(gini, double.Parse(points[0]["final_gini_mean"]), 12);
        Assert.True(double.Parse(points[0]["final_gini_ci95_low"]) <= gini && gini <= double.Parse(points[0]["final_gini_ci95_high"]));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")));
        var root = json.RootElement;
        Assert.Equal("simplex", root.GetProperty("name").GetString());
        Assert.Equal(6, root.GetProperty("points").GetInt32());
        Assert.Equal((12, 12), (root.GetProperty("runs_total").GetInt32(), root.GetProperty("runs_complete").GetInt32()));
        Assert.Equal("complete", root.GetProperty("status").GetString());
        var best = root.GetProperty("best");
        var bestMean = best.GetProperty("objective_mean").GetDouble();
        Assert.Equal(points.Min(p => double.Parse(p["objective_mean"])), bestMean, 12);
        foreach (var chart in new[] { "ternary_final_gini", "ternary_mean_inflation", "ternary_objective" })
            Assert.True(new FileInfo(Path.Combine(folder, "charts", chart + ".png")).Length > 10_000, $"{chart}.png missing or empty");
    }

    [Fact]
    public async Task EveryRunOfASweepIsByteIdenticalToRunningItsPointAlone()
    {
        var baseFile = SweepFiles.Base(_dir, epochs: 4);
        var file =
            SweepFiles.Sweep(_dir, "grid.yaml", "  parameters:\n    token.fee_burn_fraction: [0.2, 0.7]\n  simplex: {step: 0.5}\n  seeds: [5, 9]\n");
        var sweep = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("sweeps"), "--quiet");
        CliAssert.Exit(0, sweep);
        var runs = Csv(Path.Combine(sweep.ResultsFolder, "runs.csv"));

        // Two runs that differ in every swept value, the seed included.
        foreach (var row in new[] { runs[3], runs[runs.Count - 4] })
        {
            var alone = await SiloCli.InvokeAsync("run", baseFile, "--seed", row["seed"], "--quiet", "--out", _dir.Sub("alone"),
                "--set", $"token.fee_burn_fraction={row["token.fee_burn_fraction"]}", "--set", $"rewards.alpha={row["rewards.alpha"]}",
                "--set", $"rewards.beta={row["rewards.beta"]}", "--set", $"rewards.gamma={row["rewards.gamma"]}");
            CliAssert.Exit(0, alone);
            var inSweep = Path.Combine(sweep.ResultsFolder, row["folder"]);
            foreach (var name in new[] { "metrics.csv", "blocks.csv", "summary.json" })
                Assert.True(File.ReadAllBytes(Path.Combine(inSweep, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(alone.ResultsFolder, name))),
                    $"{row["folder"]}/{name} differs from the same point run alone");
            Assert.Equal(Body(Path.Combine(alone.ResultsFolder, "scenario.yaml")), Body(Path.Combine(inSweep, "scenario.yaml")));
        }
    }

    [Fact]
    public async Task OneSweptParameterGetsLineChartsWithConfidenceBands()
    {
        SweepFiles.Base(_dir);
        var file =
            SweepFiles.Sweep(_dir, "line.yaml", "  parameters:\n    token.emission_per_epoch: {from: 5000, to: 15000, step: 5000}\n  seeds: 3\n");

        var result = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("sweeps"), "--quiet", "--metric", "final_supply",
            "--metric", "final_gini");

        CliAssert.Exit(0, result);
        var charts = Directory.GetFiles(Path.Combine(result.ResultsFolder, "charts"), "*.png").Select(Path.GetFileName).Order();
        Assert.Equal(["line_token_emission_per_epoch_final_gini.png", "line_token_emission_per_epoch_final_supply.png"], charts);
        Assert.Equal(3, Csv(Path.Combine(result.ResultsFolder, "points.csv")).Count);
    }

    /// <summary>The resolved scenario without its header comment (which names the source file).</summary>
    private static string Body(string path) => string.Join("\n", File.ReadAllLines(path).Where(l => !l.StartsWith('#')));

    internal static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
