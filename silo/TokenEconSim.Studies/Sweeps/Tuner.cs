using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using TokenEconSim.Results;
using TokenEconSim.Results.Charts;
using TokenEconSim.Results.Sweeps;
using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>What `silo tune` was asked to do.</summary>
public sealed record TuneOptions(string File, string Output, int Parallel, int MaxEvaluations, bool Fresh, bool ShowProgress)
{
    /// <summary>As <see cref="SweepOptions.Cluster"/>: null runs on an embedded silo, postgres membership on silos already running.</summary>
    public ClusterSettings? Cluster { get; init; }
}

/// <summary>One evaluation of the objective: where (u, v and the weights), which point it ran (or reused), its mean and CI over seeds.</summary>
public sealed record TuneEvaluation(int Evaluation, int Point, double U, double V, string Alpha, string Beta, string Gamma,
    PointStatistics Objective, bool Reused);

public sealed record TuneOutcome(string Folder, IReadOnlyList<TuneEvaluation> Path, TuneEvaluation Best, int Runs, TimeSpan Elapsed, string Reason)
{
    /// <summary>On a cluster: the runs per silo and the continuations after lost silos.</summary>
    public SiloPlacement? Placement { get; init; }
}

/// <summary>
/// `silo tune`: searches the reward weights (α, β, γ) for the best objective with Nelder–Mead
/// (MathNet.Numerics) on the unconstrained (u, v) of <see cref="SimplexMap"/>. Each evaluation is
/// the objective's mean over the sweep's seeds (the same seeds everywhere — common random numbers,
/// so the function is deterministic); the seeds of an evaluation run at once, and so do the three
/// vertices of the start simplex. A point met again is reused, not run again. Runs land in a sweep
/// folder (runs/e012-s3/, runs.csv, points.csv) with tune.csv (every evaluation) and the path chart.
/// </summary>
public static class Tuner
{
    /// <summary>Start simplex step in (u, v): e^1 ≈ 2.7× on a weight ratio, a move across much of the simplex.</summary>
    private const double Step = 1.0;

    /// <summary>Relative spread of the simplex's values at which Nelder–Mead stops.</summary>
    private const double Tolerance = 1e-4;

    public static Task<TuneOutcome> RunAsync(TuneOptions options, CancellationToken ct) => RunAsync(options, SweepInput.Load(options.File), ct);

    /// <summary>Nelder–Mead over the weights of a loaded sweep file (a pareto file goes to <see cref="ParetoTuner"/>).</summary>
    public static async Task<TuneOutcome> RunAsync(TuneOptions options, SweepPlan plan, CancellationToken ct)
    {
        var objective = plan.Objective
            ?? throw new BadInputException($"{options.File}: tune needs an objective: add sweep.objective (goal and terms; see scenarios/README.md)");
        if (plan.Parameters.Count > 0)
            throw new BadInputException($"{options.File}: tune searches rewards.alpha, beta and gamma only; remove sweep.parameters (found "
                + $"{string.Join(", ", plan.Parameters)}) or fix them in the scenario");
        var name = Path.GetFileNameWithoutExtension(options.File) + "-tune";
        var yaml = SweepWriter.ToYaml(plan,
            $"Resolved from {options.File} by TokenEconSim {RunExecutor.Version} for silo tune (Nelder–Mead on softmax(u, v, 0)).");
        using var folder = SweepFolder.OpenOrCreate(options.Output, name, yaml, options.Fresh, DateTime.UtcNow);
        Console.WriteLine($"{options.File}: tune {objective.Describe()} over (α, β, γ), {plan.Seeds.Count} seed(s) per evaluation, at most "
            + $"{options.MaxEvaluations} evaluations");
        if (folder.Resumed) Console.WriteLine($"resuming {folder.Path}: completed runs are reused");

        using var recorder = new SweepRecorder(folder, SweepPlan.SimplexKeys, SweepInput.MetricNames(plan), objective, plan.Seeds.Count);
        var column = recorder.IndexOf("objective");
        var points = new Dictionary<(string, string), PointResult>();
        var path = new List<TuneEvaluation>();
        var runs = 0;
        var clock = Stopwatch.StartNew();
        var placement = SiloPlacement.On(options.Cluster);
        await using var executor = await SweepExecutor.StartAsync(options.Parallel, options.Cluster, placement, ct);

        // Runs the seeds of every new point among `vertices` at once, then records them in order.
        async Task Prefetch(IEnumerable<(double U, double V)> vertices)
        {
            var jobs = new List<SweepJob>();
            foreach (var (u, v) in vertices)
            {
                var (a, b, c) = SimplexMap.Weights(u, v);
                if (points.ContainsKey((a, b)) || jobs.Any(j => j.Overrides[0].Value == a && j.Overrides[1].Value == b)) continue;
                var point = points.Count + jobs.Count / plan.Seeds.Count;
                jobs.AddRange(plan.Seeds.Select(seed => new SweepJob(recorder.Recorded + jobs.Count, point,
                    [new("rewards.alpha", a), new("rewards.beta", b), new("rewards.gamma", c)], seed, SweepJob.FolderName("e", point, 3, seed))));
            }
            var todo = jobs.Where(j => !folder.IsComplete(j)).ToList();
            await executor.RunAsync(todo, folder, j => Scenario(plan, j), options.File, _ => { }, ct);
            runs += todo.Count;
            foreach (var job in jobs)
            {
                recorder.Record(job);
                if (job.Seed == plan.Seeds[^1])
                    points[(job.Overrides[0].Value, job.Overrides[1].Value)] = recorder.Points[^1];
            }
        }

        double Evaluate(Vector<double> x)
        {
            if (path.Count >= options.MaxEvaluations) throw new BudgetSpent();
            var (a, b, c) = SimplexMap.Weights(x[0], x[1]);
            var reused = points.ContainsKey((a, b));
            if (!reused) Prefetch([(x[0], x[1])]).GetAwaiter().GetResult();
            var point = points[(a, b)];
            var stats = point.Stats[column];
            var evaluation = new TuneEvaluation(path.Count, point.Point, x[0], x[1], a, b, c, stats, reused);
            path.Add(evaluation);
            if (options.ShowProgress)
                Console.WriteLine($"evaluation {evaluation.Evaluation}: α={a} β={b} γ={c} → "
                    + $"{SweepCsv.Number(stats.Mean)}{(reused ? " (reused)" : "")}");
            // Nelder–Mead minimizes; an undefined objective is the worst possible value.
            return double.IsFinite(stats.Mean) ? -objective.Sign * stats.Mean : double.MaxValue;
        }

        var start = SimplexMap.Inverse(plan.Base.Rewards.Alpha, plan.Base.Rewards.Beta, plan.Base.Rewards.Gamma);
        // MathNet's start simplex is x0 and x0 + step·e_i: its three vertices are known, so they run at once (below).
        string reason;
        try
        {
            // MathNet calls the objective synchronously; each call waits for its runs off the caller's thread.
            await Prefetch([start, (start.U + Step, start.V), (start.U, start.V + Step)]);
            reason = await Task.Run(() =>
            {
                try
                {
                    new NelderMeadSimplex(Tolerance, options.MaxEvaluations).FindMinimum(
                        ObjectiveFunction.Value(Evaluate), Vector<double>.Build.DenseOfArray([start.U, start.V]),
                            Vector<double>.Build.DenseOfArray([Step, Step]));
                    return $"converged (the simplex's values agree to {Tolerance.ToString(CultureInfo.InvariantCulture)})";
                }
                catch (BudgetSpent) { return $"stopped after {options.MaxEvaluations} evaluations"; }
                catch (MaximumIterationsException) { return "stopped at the iteration limit"; }
            }, ct);
        }
        catch (OperationCanceledException)
        {
            throw new SweepCancelledException(folder.Path, recorder.Recorded, recorder.Recorded);
        }
        var elapsed = clock.Elapsed;

        var best = path.Where(e => double.IsFinite(e.Objective.Mean))
            .OrderByDescending(e => objective.Sign * e.Objective.Mean).ThenBy(e => e.Evaluation).FirstOrDefault()
            ?? throw new InvalidOperationException("the objective is undefined at every point tried");
        folder.Write(RunFiles.Tune, TuneCsv(path));
        var charts = TernaryCharts.WritePath([.. path.Select(e => new SimplexValue(N(e.Alpha), N(e.Beta), N(e.Gamma), e.Objective.Mean))],
            best.Evaluation, $"Nelder–Mead path: {objective.Describe()}", "objective (mean over seeds)", folder.ChartsPath, "tune_path");
        var bestPoint = recorder.Points.First(p => p.Point == best.Point);
        var report = new SweepReport(name, options.File, plan.Base.Run.Name, "tune", SweepPlan.SimplexKeys, null, recorder.Points.Count, plan.Seeds,
            recorder.Recorded, recorder.Recorded, "complete", recorder.Columns, objective, bestPoint, column,
            [.. charts.Select(c => Path.GetRelativePath(folder.Path, c))], RunExecutor.Version)
        {
            Placement = placement,
        };
        folder.Write(RunFiles.SweepReport, report.ToJson());
        return new TuneOutcome(folder.Path, path, best, runs, elapsed, reason) { Placement = placement };
    }

    private static string TuneCsv(IReadOnlyList<TuneEvaluation> path)
    {
        var sb = new System.Text.StringBuilder(SweepCsv.Row(["evaluation", "point", "u", "v", "rewards.alpha", "rewards.beta", "rewards.gamma",
            "objective_mean", "objective_ci95_low", "objective_ci95_high", "reused"])).Append('\n');
        foreach (var e in path)
            sb.Append(SweepCsv.Row([I(e.Evaluation), I(e.Point), SweepCsv.Number(e.U), SweepCsv.Number(e.V), e.Alpha, e.Beta, e.Gamma,
                SweepCsv.Number(e.Objective.Mean), SweepCsv.Number(e.Objective.Low), SweepCsv.Number(e.Objective.High),
                e.Reused ? "true" : "false"])).Append('\n');
        return sb.ToString();
    }

    internal static TokenEconSim.Domain.Parameters.Scenario Scenario(SweepPlan plan, SweepJob job)
    {
        var loaded = plan.Load(job.OverridesWithSeed);
        return loaded.Success ? loaded.Scenario : throw new BadInputException([.. loaded.Errors.Select(e => e.ToString())]);
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static double N(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Thrown from inside the objective to stop Nelder–Mead at the evaluation budget.</summary>
    private sealed class BudgetSpent : Exception;
}
