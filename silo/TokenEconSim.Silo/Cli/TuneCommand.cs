using System.CommandLine;
using System.Globalization;
using TokenEconSim.Studies.Sweeps;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo tune`: Nelder–Mead over the reward weights for the sweep file's objective.</summary>
public static class TuneCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("sweep")
        {
            Description = "Sweep file with sweep.objective (seeds per evaluation from sweep.seeds), e.g. "
            + "scenarios/sweep-simplex.yaml"
        };
        var output = RunCommand.OutOption("sweeps", "Parent folder of the tune's folder");
        var parallel = SweepCommand.ParallelOption();
        var evaluations = IntegerOption.Create("--max-evals", "Objective evaluations at most (Nelder–Mead; a pareto file sets its own)", 40, 3,
            why: "the start simplex");
        var fresh = new Option<bool>("--fresh") { Description = "Start a new folder instead of reusing the runs of the last tune of the same file" };
        var quiet = new Option<bool>("--quiet") { Description = "No line per evaluation" };
        var cluster = new ClusterOptions();
        var command = new Command("tune", "Search rewards.alpha/beta/gamma for the best objective (Nelder–Mead), or, with mode: pareto, "
            + "the trade-offs between objectives (NSGA-II)") { file, output, parallel,
            evaluations, fresh, quiet };
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new TuneOptions(parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(parallel),
                parse.GetValue(evaluations), parse.GetValue(fresh), !parse.GetValue(quiet))
            {
                Cluster = cluster.Resolve(parse),
            };
            var plan = SweepInput.Load(options.File);
            if (plan.Pareto is not null) return Report(await ParetoTuner.RunAsync(options, plan, ct));
            var outcome = await Tuner.RunAsync(options, plan, ct);
            var b = outcome.Best;
            Console.WriteLine($"{outcome.Reason}: {outcome.Path.Count} evaluations, {outcome.Runs} runs in "
                + $"{outcome.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
            Console.WriteLine($"best: α={b.Alpha} β={b.Beta} γ={b.Gamma} objective {SweepCsvText(b.Objective.Mean)} (95 % CI "
                + $"{SweepCsvText(b.Objective.Low)} … {SweepCsvText(b.Objective.High)}), evaluation {b.Evaluation}");
            if (outcome.Placement is { } placement) Console.WriteLine($"runs per silo: {placement.Describe()}");
            Console.WriteLine($"results: {outcome.Folder}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Report(ParetoOutcome outcome)
    {
        var front = outcome.Rows.Where(r => r.OnFront).ToList();
        Console.WriteLine($"{outcome.Evaluations} evaluations in {outcome.Generations} generations: {outcome.Rows.Count} points, {outcome.Runs} runs "
            + $"in {outcome.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s; {front.Count} on the Pareto front:");
        foreach (var r in front)
            Console.WriteLine($"  point {r.Point.Point}: {string.Join(" ", r.Point.Parameters.Select(p => $"{p.Key}={p.Value}"))} → "
                + string.Join(", ", outcome.Objectives.Select((o, j) => $"{o.Metric} {SweepCsvText(r.Objectives[j].Mean)} "
                    + $"[{SweepCsvText(r.Objectives[j].Low)}, {SweepCsvText(r.Objectives[j].High)}]")));
        if (outcome.Placement is { } placement) Console.WriteLine($"runs per silo: {placement.Describe()}");
        Console.WriteLine($"results: {outcome.Folder}");
        return ExitCodes.Success;
    }

    private static string SweepCsvText(double x) => double.IsFinite(x) ? x.ToString("G6", CultureInfo.InvariantCulture) : "undefined";
}
