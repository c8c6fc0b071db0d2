using System.Globalization;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Experiments.Comparison;
using TokenEconSim.Results;
using TokenEconSim.Results.Sweeps;
using TokenEconSim.Hosting;
using TokenEconSim.Studies.Sweeps;

namespace TokenEconSim.Studies.Compare;

/// <summary>What `silo compare` was asked to do.</summary>
public sealed record ComparisonOptions(string A, string B, int Seeds, string Output, int Parallel, bool ShowProgress);

/// <summary>What it found: the folder and every summary metric's comparison, in summary.json order.</summary>
public sealed record ComparisonOutcome(string Folder, IReadOnlyList<MetricComparison> Metrics, IReadOnlyList<string> Main);

/// <summary>
/// `silo compare A.yaml B.yaml --seeds n`: both scenarios on seeds 1…n (common random numbers), run by the sweeps' executor, each in
/// compare/&lt;a&gt;-vs-&lt;b&gt;-&lt;utc timestamp&gt;/runs/{a,b}-s&lt;seed&gt;/, then every summary metric's B − A paired by seed and unpaired
/// (<see cref="PairedComparison"/>) into comparison.csv.
/// </summary>
public static class ScenarioComparison
{
    public static async Task<ComparisonOutcome> RunAsync(ComparisonOptions o, CancellationToken ct)
    {
        // Both files bound with every seed before anything runs: a bad file is exit 2 at its line, not a failed run later.
        var seeds = Enumerable.Range(1, o.Seeds).ToArray();
        var files = new[] { o.A, o.B };
        var scenarios = files.Select(file => seeds.Select(s => ScenarioInput.Load(file, [new("run.seed", I(s))])).ToArray()).ToArray();
        var name = $"{Path.GetFileNameWithoutExtension(o.A)}-vs-{Path.GetFileNameWithoutExtension(o.B)}";
        var folder = Path.Combine(o.Output, name + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var runs = Path.Combine(folder, "runs");
        try { Directory.CreateDirectory(runs); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out {o.Output}: cannot create the comparison folder there ({e.Message})");
        }

        // Job i: side i % 2 (A, B) of seed i / 2 + 1, so a seed's two runs are adjacent and start together.
        var jobs = seeds.SelectMany((seed, i) => new[] { 0, 1 }.Select(side =>
            new SweepJob(2 * i + side, side, [], seed, FolderOf(side, seed)))).ToList();
        await using (var executor = await SweepExecutor.StartAsync(o.Parallel, ct))
            await SweepProgress.RunAsync(o.ShowProgress, name, jobs.Count, 0, tick => executor.RunAsync(jobs, runs,
                job => (files[job.Point], scenarios[job.Point][job.Index / 2]), _ => tick(), ct));

        var responding = scenarios.Any(side => BehaviourColumns.Group.IsEnabled(side[0]));
        var names = SummaryMetrics.For(scenarios.Select(side => side[0]));
        double[][] Values(int side) => [.. seeds.Select(s => SummaryMetrics.Read(Path.Combine(runs, FolderOf(side, s), RunFiles.Summary), names)
            .Select(SummaryMetrics.Value).ToArray())];
        var (a, b) = (Values(0), Values(1));
        var metrics = names.Select((m, k) => PairedComparison.Of(m, [.. a.Select(v => v[k])], [.. b.Select(v => v[k])])).ToList();
        ComparisonCsv.Write(Path.Combine(folder, RunFiles.Comparison), metrics);
        return new ComparisonOutcome(folder, metrics, SummaryMetrics.MainFor(responding));
    }

    private static string FolderOf(int side, long seed) => $"{(side == 0 ? 'a' : 'b')}-s{seed.ToString(CultureInfo.InvariantCulture)}";

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}
