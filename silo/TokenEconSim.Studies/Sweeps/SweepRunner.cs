using System.Diagnostics;
using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Results;
using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>What `silo sweep` was asked to do.</summary>
public sealed record SweepOptions(string File, string Output, int Parallel, IReadOnlyList<string> Metrics, bool Fresh, bool ShowProgress)
{
    /// <summary>Null or embedded: one silo in this process; postgres membership: a client of silos already running (docs/cluster.md).</summary>
    public ClusterSettings? Cluster { get; init; }

    /// <summary>On a cluster: counts the runs per silo (a caller may pass its own to watch the sweep as it runs).</summary>
    public SiloPlacement? Placement { get; init; }

    internal SiloPlacement? PlacementOnCluster => SiloPlacement.On(Cluster, Placement);
}

/// <summary>What a sweep did: its folder, how many runs this start ran and how long they took.</summary>
public sealed record SweepOutcome(string Folder, int RunsTotal, int Skipped, int Ran, TimeSpan Elapsed, IReadOnlyList<string> Charts)
{
    /// <summary>On a cluster: the runs of this start per silo, and the continuations after lost silos.</summary>
    public SiloPlacement? Placement { get; init; }
}

/// <summary>
/// `silo sweep`: expands the sweep file, runs every run not yet complete (many at once, one silo),
/// and writes runs.csv, points.csv, charts and sweep.json into sweeps/&lt;name&gt;-&lt;timestamp&gt;/.
/// </summary>
public static class SweepRunner
{
    public static async Task<SweepOutcome> RunAsync(SweepOptions options, CancellationToken ct)
    {
        var plan = SweepInput.Load(options.File);
        if (plan.Pareto is not null)
            throw new BadInputException($"{options.File}: mode pareto is a search whose points are found as it runs: run it with silo tune");
        var metrics = SweepInput.Metrics(options.Metrics, plan);
        var name = Path.GetFileNameWithoutExtension(options.File);
        var yaml = SweepWriter.ToYaml(plan, $"Resolved from {options.File} by TokenEconSim {RunExecutor.Version}. Re-run: silo sweep <this file>");
        using var folder = OpenFolder(options.Output, name, yaml, options.Fresh);

        var width = Math.Max(3, (plan.PointCount - 1).ToString(CultureInfo.InvariantCulture).Length);
        var jobs = plan.Runs.Select(r => new SweepJob(r.Index, r.PointIndex, r.Overrides, r.Seed,
            SweepJob.FolderName("p", r.PointIndex, width, r.Seed))).ToList();
        var todo = jobs.Where(j => !folder.IsComplete(j)).ToList();
        Console.WriteLine($"{options.File}: {plan.Describe()}");
        if (folder.Resumed) Console.WriteLine($"resuming {folder.Path}: {jobs.Count - todo.Count} of {jobs.Count} runs already complete");

        var parameters = jobs.Count == 0 ? [] : jobs[0].Overrides.Select(o => o.Key).ToList();
        using var recorder = new SweepRecorder(folder, parameters, SweepInput.MetricNames(plan), plan.Objective, plan.Seeds.Count);
        var ordered = new OrderedCompletion(jobs, folder.IsComplete, recorder.Record);
        var placement = options.PlacementOnCluster;
        Report(folder, plan, name, options.File, recorder, "running", [], placement);

        var clock = Stopwatch.StartNew();
        try
        {
            if (todo.Count > 0)
            {
                await using var executor = await SweepExecutor.StartAsync(options.Parallel, options.Cluster, placement, ct);
                await SweepProgress.RunAsync(options.ShowProgress, name, jobs.Count, jobs.Count - todo.Count, tick =>
                    executor.RunAsync(todo, folder, job => Scenario(plan, job), options.File, job =>
                    {
                        ordered.Complete(job);
                        tick();
                    }, ct));
            }
        }
        catch (OperationCanceledException)
        {
            // Runs complete out of index order are kept too (their folders), though the tables stop at the first gap.
            var kept = jobs.Count(folder.IsComplete);
            Report(folder, plan, name, options.File, recorder, "interrupted", [], placement, kept);
            throw new SweepCancelledException(folder.Path, kept, jobs.Count);
        }
        var elapsed = clock.Elapsed;
        var charts = SweepCharts.Write(plan, recorder, metrics, folder.ChartsPath)
            .Concat(SweepSensitivity.Write(plan, recorder, metrics, folder.File(RunFiles.SweepSensitivity), folder.ChartsPath)).ToList();
        if (SweepCharts.Unsupported(plan) is { } why) Console.WriteLine($"no charts: {why}");
        Report(folder, plan, name, options.File, recorder, "complete", charts, placement);
        return new SweepOutcome(folder.Path, jobs.Count, jobs.Count - todo.Count, todo.Count, elapsed, charts) { Placement = placement };
    }

    /// <summary>The best point by mean objective (largest when maximizing), or null without an objective.</summary>
    public static PointResult? Best(SweepRecorder recorder, SweepObjective? objective)
    {
        if (objective is null) return null;
        var column = recorder.IndexOf("objective");
        return recorder.Points.Where(p => double.IsFinite(p.Stats[column].Mean))
            .OrderByDescending(p => objective.Sign * p.Stats[column].Mean).ThenBy(p => p.Point).FirstOrDefault();
    }

    private static SweepFolder OpenFolder(string output, string name, string yaml, bool fresh)
    {
        try
        {
            return SweepFolder.OpenOrCreate(output, name, yaml, fresh, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out {output}: cannot create the sweep folder there ({e.Message})");
        }
    }

    private static Scenario Scenario(SweepPlan plan, SweepJob job)
    {
        var loaded = plan.Load(plan.Runs[job.Index]);
        return loaded.Success ? loaded.Scenario : throw new BadInputException([.. loaded.Errors.Select(e => e.ToString())]);
    }

    /// <param name="kept">Complete runs when it is not the recorded ones (an interrupted sweep).</param>
    private static void Report(SweepFolder folder, SweepPlan plan, string name, string file, SweepRecorder recorder, string status,
        IReadOnlyList<string> charts, SiloPlacement? placement, int? kept = null)
    {
        var best = Best(recorder, plan.Objective);
        var report = new SweepReport(name, file, plan.Base.Run.Name, plan.Mode.Key(),
            [.. plan.Parameters, .. plan.SimplexStep is null ? Array.Empty<string>() : SweepPlan.SimplexKeys],
            plan.SimplexStep, plan.PointCount, plan.Seeds, plan.Runs.Count, kept ?? recorder.Recorded, status, recorder.Columns,
            plan.Objective, best, plan.Objective is null ? 0 : recorder.IndexOf("objective"),
            [.. charts.Select(c => Path.GetRelativePath(folder.Path, c))], RunExecutor.Version)
        {
            Design = plan.Design?.Describe(),
            Placement = placement,
        };
        folder.Write(RunFiles.SweepReport, report.ToJson());
    }
}

/// <summary>Hands completed runs to the recorder in index order, whatever order they finish in.</summary>
internal sealed class OrderedCompletion
{
    private readonly IReadOnlyList<SweepJob> _jobs;
    private readonly Action<SweepJob> _record;
    private readonly bool[] _done;
    private int _next;

    public OrderedCompletion(IReadOnlyList<SweepJob> jobs, Func<SweepJob, bool> alreadyDone, Action<SweepJob> record)
    {
        _jobs = jobs;
        _record = record;
        _done = [.. jobs.Select(alreadyDone)];
        Drain();
    }

    public void Complete(SweepJob job)
    {
        _done[job.Index] = true;
        Drain();
    }

    private void Drain()
    {
        while (_next < _done.Length && _done[_next]) _record(_jobs[_next++]);
    }
}

/// <summary>A sweep stopped by Ctrl+C or a signal: finished runs stay, sweep.json says "interrupted", and the same command resumes.</summary>
public sealed class SweepCancelledException(string folder, int complete, int total)
    : OperationCanceledException(complete == total
        ? $"interrupted: {complete} runs complete are kept in {folder}; run the same command again to resume"
        : $"interrupted: {complete} of {total} runs complete are kept in {folder}; run the same command again to resume");
