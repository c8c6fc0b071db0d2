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
        var evaluations = IntegerOption.Create("--max-evals", "Objective evaluations at most", 40, 3, why: "the start simplex");
        var fresh = new Option<bool>("--fresh") { Description = "Start a new folder instead of reusing the runs of the last tune of the same file" };
        var quiet = new Option<bool>("--quiet") { Description = "No line per evaluation" };
        var cluster = new ClusterOptions();
        var command = new Command("tune", "Search rewards.alpha/beta/gamma for the best objective (Nelder–Mead)") { file, output, parallel,
            evaluations, fresh, quiet };
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new TuneOptions(parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(parallel),
                parse.GetValue(evaluations), parse.GetValue(fresh), !parse.GetValue(quiet))
            {
                Cluster = cluster.Resolve(parse),
            };
            var outcome = await Tuner.RunAsync(options, ct);
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

    private static string SweepCsvText(double x) => double.IsFinite(x) ? x.ToString("G6", CultureInfo.InvariantCulture) : "undefined";
}
