using System.CommandLine;
using System.Globalization;
using TokenEconSim.Studies.Sweeps;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo sweep`: every run of a sweep file, many at once, resumable; tables, charts and sweep.json.</summary>
public static class SweepCommand
{
    /// <summary>
    /// Runs at once by default. Measured on 2 cores (docs/sweeps.md): runs are small and a run's
    /// epochs are sequential, so one run per core leaves cores idle while a run waits on its grains;
    /// two per core kept both busy. More only adds memory.
    /// </summary>
    public static int DefaultParallel => Math.Max(1, 2 * Environment.ProcessorCount);

    public static Command Create()
    {
        var file = new Argument<string>("sweep") { Description = "Sweep file (a scenario with a sweep: section), e.g. scenarios/sweep-simplex.yaml" };
        var output = RunCommand.OutOption("sweeps", "Parent folder of the sweep folder");
        var parallel = ParallelOption();
        var metrics = MetricOption();
        var fresh = new Option<bool>("--fresh") { Description = "Start a new sweep folder instead of resuming the last one of the same sweep" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar" };
        var cluster = new ClusterOptions();
        var command = new Command("sweep", "Run every point × seed of a sweep file into sweeps/<name>-<utc timestamp>/ (re-running resumes)")
            { file, output, parallel, metrics, fresh, quiet };
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = new SweepOptions(parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(parallel),
                parse.GetValue(metrics) ?? [], parse.GetValue(fresh), !parse.GetValue(quiet))
            {
                Cluster = cluster.Resolve(parse),
            };
            var outcome = await SweepRunner.RunAsync(options, ct);
            Print(outcome, parse.GetValue(parallel));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static Option<int> ParallelOption() =>
        IntegerOption.Create("--parallel", "Runs at once inside the silo (2 × cores by default; on a cluster, about 2 × its cores)",
            DefaultParallel, 1);

    internal static Option<string[]> MetricOption() => new("--metric")
    {
        Description = "Summary metric to chart (repeatable; default: the main metrics and the objective)",
        AllowMultipleArgumentsPerToken = false,
    };

    private static void Print(SweepOutcome outcome, int parallel)
    {
        var minutes = outcome.Elapsed.TotalMinutes;
        Console.WriteLine(outcome.Ran == 0
            ? $"all {outcome.RunsTotal} runs were already complete; tables and charts rebuilt"
            : $"{outcome.Ran} runs in {outcome.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s: "
              + $"{(outcome.Ran / Math.Max(minutes, 1e-9)).ToString("F1", CultureInfo.InvariantCulture)} runs/min with --parallel {parallel}"
              + (outcome.Skipped > 0 ? $" ({outcome.Skipped} already complete, skipped)" : ""));
        if (outcome.Placement is { } placement) Console.WriteLine($"runs per silo: {placement.Describe()}");
        foreach (var chart in outcome.Charts.Where(c => c.EndsWith(".png", StringComparison.Ordinal)))
            Console.WriteLine($"chart: {chart}");
        Console.WriteLine($"results: {outcome.Folder}");
    }
}
