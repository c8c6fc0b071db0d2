using System.Diagnostics;
using System.Globalization;
using TokenEconSim.Experiments.Optimization;
using TokenEconSim.Hosting.Runs;
using TokenEconSim.Results;
using TokenEconSim.Results.Charts;
using TokenEconSim.Results.Sweeps;
using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>One evaluated point of a Pareto tune: its statistics, its costs (<see cref="ParetoObjective.Cost"/>), front and crowding.</summary>
public sealed record ParetoRow(PointResult Point, IReadOnlyList<PointStatistics> Objectives, double[] Costs, int Rank, double Crowding)
{
    public bool OnFront => Rank == 1;
}

public sealed record ParetoOutcome(string Folder, int Evaluations, int Generations, int Runs, TimeSpan Elapsed, IReadOnlyList<ParetoRow> Rows,
    IReadOnlyList<ParetoObjective> Objectives)
{
    /// <summary>On a cluster: runs per silo and recoveries (as sweep.json's runs_per_silo).</summary>
    public SiloPlacement? Placement { get; init; }
}

/// <summary>
/// `silo tune` on a file with mode pareto: NSGA-II (<see cref="Nsga2"/>) over the file's numeric keys within their bounds. Every point
/// runs with every seed (the same seeds everywhere: common random numbers); each objective is its metric's mean over them, and a point
/// is ranked by the worse end of each objective's 95 % interval, so a point lucky on few noisy seeds does not join the front. A point
/// met again (whole-number keys round) is reused, not run again. Runs land in a sweep folder (runs/e012-s3/, runs.csv, points.csv)
/// with pareto.csv (every point, its rank and crowding over all points evaluated) and charts/pareto.png.
/// </summary>
public static class ParetoTuner
{
    public static async Task<ParetoOutcome> RunAsync(TuneOptions options, SweepPlan plan, CancellationToken ct)
    {
        var search = plan.Pareto ?? throw new ArgumentException("not a pareto search", nameof(plan));
        var name = Path.GetFileNameWithoutExtension(options.File) + "-tune";
        var yaml = SweepWriter.ToYaml(plan, $"Resolved from {options.File} by TokenEconSim {RunExecutor.Version} for silo tune (NSGA-II).");
        using var folder = SweepFolder.OpenOrCreate(options.Output, name, yaml, options.Fresh, DateTime.UtcNow);
        Console.WriteLine($"{options.File}: pareto tune of {string.Join(", ", search.Objectives.Select(o => o.Describe()))}; "
            + $"{search.Describe()}, {plan.Seeds.Count} seeds per point");
        if (folder.Resumed) Console.WriteLine($"resuming {folder.Path}: completed runs are reused");

        var keys = search.Parameters.Select(p => p.Range.Name).ToList();
        using var recorder = new SweepRecorder(folder, keys, SweepInput.MetricNames(plan), null, plan.Seeds.Count);
        var columns = search.Objectives.Select(o => recorder.IndexOf(o.Metric)).ToArray();
        var nsga = new Nsga2(keys.Count, search.Population, search.Seed);
        var points = new Dictionary<string, PointResult>();
        var (evaluated, runs) = (0, 0);
        var clock = Stopwatch.StartNew();
        var placement = SiloPlacement.On(options.Cluster);
        await using var executor = await SweepExecutor.StartAsync(options.Parallel, options.Cluster, placement, ct);

        double[] Costs(PointResult p) =>
            [.. search.Objectives.Select((o, j) => o.Cost(p.Stats[columns[j]].Low, p.Stats[columns[j]].High))];

        // Runs every seed of the new points among xs at once, records them in order, and returns xs with their costs.
        async Task<List<Candidate>> Evaluate(double[][] xs)
        {
            var values = xs.Select(x => search.Parameters.Select((p, d) => p.ValueAt(x[d])).ToArray()).ToList();
            var jobs = new List<SweepJob>();
            foreach (var point in values.Select(v => (Key: string.Join(",", v), Values: v)).DistinctBy(v => v.Key)
                .Where(v => !points.ContainsKey(v.Key)))
            {
                var index = points.Count + jobs.Count / plan.Seeds.Count;
                IReadOnlyList<KeyValuePair<string, string>> overrides =
                    [.. keys.Select((k, d) => new KeyValuePair<string, string>(k, point.Values[d]))];
                jobs.AddRange(plan.Seeds.Select(seed =>
                    new SweepJob(recorder.Recorded + jobs.Count, index, overrides, seed, SweepJob.FolderName("e", index, 3, seed))));
            }
            var todo = jobs.Where(j => !folder.IsComplete(j)).ToList();
            await executor.RunAsync(todo, folder, j => Tuner.Scenario(plan, j), options.File, _ => { }, ct);
            runs += todo.Count;
            foreach (var job in jobs)
            {
                recorder.Record(job);
                if (job.Seed == plan.Seeds[^1]) points[string.Join(",", job.Overrides.Select(o => o.Value))] = recorder.Points[^1];
            }
            evaluated += xs.Length;
            return [.. xs.Select((x, i) => new Candidate(x, Costs(points[string.Join(",", values[i])])))];
        }

        var generations = 0;
        try
        {
            var population = await Evaluate(nsga.Initial());
            while (evaluated < search.Evaluations)
            {
                var children = await Evaluate(nsga.Offspring(population, Math.Min(search.Population, search.Evaluations - evaluated)));
                var combined = population.Concat(children).ToList();
                population = [.. Nsga2.Survivors([.. combined.Select(c => c.Costs)], search.Population).Select(i => combined[i])];
                generations++;
                if (options.ShowProgress)
                    Console.WriteLine($"generation {generations}: {evaluated} evaluations, {recorder.Points.Count} points, "
                        + $"{Nsga2.Ranks([.. population.Select(c => c.Costs)]).Count(r => r == 1)} on the population's front");
            }
        }
        catch (OperationCanceledException)
        {
            throw new SweepCancelledException(folder.Path, recorder.Recorded, recorder.Recorded);
        }
        var elapsed = clock.Elapsed;

        var rows = Rank(recorder.Points, columns, Costs);
        folder.Write(RunFiles.Pareto, ParetoCsv(rows, keys, search.Objectives));
        var charts = ParetoCharts.Write([.. rows.Select(r => new ParetoChartPoint(r.Objectives[0].Mean, r.Objectives[1].Mean, r.OnFront))],
            Label(search.Objectives[0]), Label(search.Objectives[1]), search.Objectives.Count, folder.ChartsPath, "pareto");
        var report = new SweepReport(name, options.File, plan.Base.Run.Name, SweepMode.Pareto.Key(), keys, null, recorder.Points.Count, plan.Seeds,
            recorder.Recorded, recorder.Recorded, "complete", recorder.Columns, null, null, 0,
            [.. charts.Select(c => Path.GetRelativePath(folder.Path, c))], RunExecutor.Version)
        {
            Design = search.Describe(),
            Objectives = [.. search.Objectives.Select(o => o.Describe())],
            Placement = placement,
        };
        folder.Write(RunFiles.SweepReport, report.ToJson());
        return new ParetoOutcome(folder.Path, evaluated, generations, runs, elapsed, rows, search.Objectives) { Placement = placement };
    }

    /// <summary>Every distinct point evaluated, ranked by fast non-dominated sorting over all of them, with its crowding in its front.</summary>
    private static List<ParetoRow> Rank(IReadOnlyList<PointResult> points, int[] columns, Func<PointResult, double[]> costsOf)
    {
        var costs = points.Select(costsOf).ToList();
        var ranks = Nsga2.Ranks(costs);
        var crowding = Nsga2.Crowding(costs, ranks);
        return [.. points.Select((p, i) => new ParetoRow(p, [.. columns.Select(c => p.Stats[c])], costs[i], ranks[i], crowding[i]))];
    }

    private static string Label(ParetoObjective o) => $"{o.Describe()}, mean over seeds";

    /// <summary>pareto.csv: point, the parameters, each objective's mean and 95 % interval, rank (1 = the front), crowding, on_front.</summary>
    private static string ParetoCsv(IReadOnlyList<ParetoRow> rows, IReadOnlyList<string> keys, IReadOnlyList<ParetoObjective> objectives)
    {
        var header = new List<string> { "point" };
        header.AddRange(keys);
        foreach (var o in objectives) header.AddRange([o.Metric + "_mean", o.Metric + "_ci95_low", o.Metric + "_ci95_high"]);
        header.AddRange(["rank", "crowding", "on_front"]);
        var sb = new System.Text.StringBuilder(SweepCsv.Row(header)).Append('\n');
        foreach (var r in rows)
        {
            var cells = new List<string> { I(r.Point.Point) };
            cells.AddRange(r.Point.Parameters.Select(p => p.Value));
            foreach (var s in r.Objectives) cells.AddRange([SweepCsv.Number(s.Mean), SweepCsv.Number(s.Low), SweepCsv.Number(s.High)]);
            cells.AddRange([I(r.Rank), double.IsPositiveInfinity(r.Crowding) ? "inf" : SweepCsv.Number(r.Crowding), r.OnFront ? "true" : "false"]);
            sb.Append(SweepCsv.Row(cells)).Append('\n');
        }
        return sb.ToString();
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}
