using System.Globalization;
using System.Text.Json;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>
/// `silo tune` with mode pareto: every point it evaluated is in pareto.csv with its objectives' means and intervals, and the rows it
/// marks as the front are exactly those that no other row dominates when each objective is taken at the worse end of its interval.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class ParetoTuneTests : IDisposable
{
    /// <summary>A small search: 2 keys, 3 objectives, 2 generations of 4 points, 2 seeds (16 runs at most of the 3-epoch base).</summary>
    public const string Section = """
          mode: pareto
          parameters:
            token.emission_per_epoch: {low: 1000, high: 20000}
            populations.users.count: {low: 10, high: 40}
          objectives:
            - {metric: final_gini, goal: minimize}
            - {metric: total_minted, goal: maximize}
            - {metric: mean_inflation, goal: target, target: 0.05}
          population: 4
          evaluations: 8
          seeds: 2

        """;

    private static readonly (string Metric, string Goal, double Target)[] Objectives =
        [("final_gini", "minimize", 0), ("total_minted", "maximize", 0), ("mean_inflation", "target", 0.05)];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ParetoCsvMarksAsTheFrontExactlyTheRowsNoOtherRowDominates()
    {
        SweepFiles.Base(_dir);
        var file = SweepFiles.Sweep(_dir, "pareto.yaml", Section);
        var output = _dir.Sub("sweeps");

        var result = await SiloCli.InvokeAsync("tune", file, "--out", output, "--quiet");

        CliAssert.Exit(0, result);
        var folder = result.ResultsFolder;
        var rows = SweepCommandTests.Csv(Path.Combine(folder, "pareto.csv"));
        var points = SweepCommandTests.Csv(Path.Combine(folder, "points.csv"));
        var runs = SweepCommandTests.Csv(Path.Combine(folder, "runs.csv"));
        Assert.InRange(rows.Count, 2, 8); // 8 evaluations; a point met twice is one row
        Assert.Equal(rows.Count, points.Count);
        Assert.Equal(2 * rows.Count, runs.Count);
        Assert.All(rows, r => Assert.InRange(D(r["token.emission_per_epoch"]), 1000, 20000));
        Assert.All(rows, r => Assert.Matches(@"^\d+$", r["populations.users.count"])); // a whole-number key is rounded

        // Each objective's mean is the mean of its point's runs.
        foreach (var row in rows)
            foreach (var (metric, _, _) in Objectives)
                Assert.Equal(runs.Where(r => r["point"] == row["point"]).Average(r => D(r[metric])), D(row[metric + "_mean"]), 9);

        // The front, recomputed from the table alone: the worse end of each interval, every objective minimized.
        var costs = rows.Select(r => Objectives.Select(o => o.Goal switch
        {
            "maximize" => -D(r[o.Metric + "_ci95_low"]),
            "minimize" => D(r[o.Metric + "_ci95_high"]),
            _ => Math.Max(Math.Abs(D(r[o.Metric + "_ci95_low"]) - o.Target), Math.Abs(D(r[o.Metric + "_ci95_high"]) - o.Target)),
        }).ToArray()).ToList();
        static bool Dominates(double[] a, double[] b) => a.Zip(b).All(p => p.First <= p.Second) && a.Zip(b).Any(p => p.First < p.Second);
        var front = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var dominated = costs.Any(c => Dominates(c, costs[i]));
            Assert.Equal(!dominated, rows[i]["on_front"] == "true");
            Assert.Equal(!dominated, rows[i]["rank"] == "1");
            front += dominated ? 0 : 1;
        }
        Assert.True(front >= 1);
        Assert.Contains($"on the Pareto front", result.Out);

        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json"))))
        {
            Assert.Equal("pareto", json.RootElement.GetProperty("mode").GetString());
            Assert.Equal(3, json.RootElement.GetProperty("objectives").GetArrayLength());
        }
        Assert.True(new FileInfo(Path.Combine(folder, "charts", "pareto.png")).Length > 0);

        // The search is a function of the file: a second start evaluates the same points and runs nothing.
        var again = await SiloCli.InvokeAsync("tune", file, "--out", output, "--quiet");
        CliAssert.Exit(0, again);
        Assert.Equal(folder, again.ResultsFolder);
        Assert.Contains(", 0 runs in", again.Out);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "pareto.csv")), File.ReadAllText(Path.Combine(again.ResultsFolder, "pareto.csv")));
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
