using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenEconSim.Studies.Compare;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo compare A.yaml B.yaml --seeds n`: two scenarios on the same seeds, every summary metric's difference paired and not.</summary>
public static class CompareScenariosCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "Scenario A, e.g. scenarios/baseline.yaml" };
        var b = new Argument<string>("b") { Description = "Scenario B, compared against A (B − A)" };
        var seeds = IntegerOption.Create("--seeds", "Seeds 1…n, run for both scenarios (common random numbers)", 30, 2);
        var output = RunCommand.OutOption("compare", "Parent folder of the comparison folder");
        var parallel = SweepCommand.ParallelOption();
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar" };
        var command = new Command("compare", "Run two scenarios on the same seeds and report each metric's difference B − A with its 95 % "
            + "interval, paired by seed and unpaired") { a, b, seeds, output, parallel, quiet };
        command.SetAction(async (parse, ct) =>
        {
            var outcome = await ScenarioComparison.RunAsync(new ComparisonOptions(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(seeds),
                parse.GetValue(output)!, parse.GetValue(parallel), !parse.GetValue(quiet)), ct);
            Print(outcome);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The main metrics defined in either scenario, as a table (every metric is in comparison.csv).</summary>
    private static void Print(ComparisonOutcome outcome)
    {
        var table = new Table().AddColumns("metric", "A", "B", "B − A", "± paired 95 %", "± unpaired 95 %", "width ratio");
        foreach (var m in outcome.Metrics.Where(m => outcome.Main.Contains(m.Metric) && m.Pairs > 0))
            table.AddRow(Markup.Escape(m.Metric), G(m.MeanA), G(m.MeanB), G(m.Difference), G(m.PairedHigh - m.Difference),
                G(m.UnpairedHigh - m.Difference), double.IsFinite(m.WidthRatio) ? m.WidthRatio.ToString("G2", CultureInfo.InvariantCulture) : "—");
        // Redirected output has no terminal width; 80 columns would fold every cell.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        AnsiConsole.Write(table);
        Console.WriteLine("± the half-widths of B − A's 95 % intervals; width ratio: paired over unpaired (below 1: pairing by seed narrowed it)");
        Console.WriteLine($"results: {outcome.Folder}");
    }

    private static string G(double x) => double.IsFinite(x) ? x.ToString("G4", CultureInfo.InvariantCulture) : "—";
}
