using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenEconSim.Hosting;
using TokenEconSim.Domain.Tokens;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Silo.Cli;

public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML), e.g. scenarios/baseline.yaml" };
        var seed = new Option<long?>("--seed")
        {
            Description = "Override run.seed",
            CustomParser = r => IntegerOption.Parse(r, long.MinValue, long.MaxValue, null)
        };
        var epochs = IntegerOption.Optional("--epochs", "Override run.epochs (≥ 1)", 1, 10_000_000);
        var output = OutOption("runs", "Parent folder of the run's results folder");
        var engine = new Option<string>("--engine")
        {
            Description = "orleans (embedded silo) or direct (in-process, no Orleans)",
            DefaultValueFactory = _ => "orleans"
        };
        engine.AcceptOnlyFromAmong("orleans", "direct");
        var sets = new Option<string[]>("--set")
        {
            Description = "Override any scenario key, e.g. --set rewards.alpha=0.5 (repeatable)",
            AllowMultipleArgumentsPerToken = false
        };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar" };
        var every = CheckpointEveryOption();
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run a scenario and write runs/<name>-<utc timestamp>/") { scenario, seed, epochs, output, engine, sets,
            quiet, every };
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var overrides = ScenarioInput.ParseSets(parse.GetValue(sets) ?? []);
            if (parse.GetValue(seed) is { } s) overrides.Add(new("run.seed", s.ToString(CultureInfo.InvariantCulture)));
            if (parse.GetValue(epochs) is { } e) overrides.Add(new("run.epochs", e.ToString(CultureInfo.InvariantCulture)));
            var request = new RunRequest(parse.GetValue(scenario)!, overrides, parse.GetValue(output)!,
                parse.GetValue(engine) == "direct" ? EngineKind.Direct : EngineKind.Orleans, !parse.GetValue(quiet))
            {
                Cluster = cluster.Resolve(parse),
                CheckpointEvery = parse.GetValue(every),
                KeepCheckpointWhenCancelled = true,
            };
            var outcome = await RunExecutor.ExecuteAsync(request, ct);
            PrintOutcome(outcome);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--out, shared by run, resume, sweep and tune: a blank folder name is refused while parsing (exit 2), not by .NET later.</summary>
    internal static Option<string> OutOption(string defaultFolder, string description)
    {
        var option = new Option<string>("--out") { Description = description, DefaultValueFactory = _ => defaultFolder };
        option.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>()))
                r.AddError($"--out: an empty folder name; name a folder, e.g. --out {defaultFolder}");
        });
        return option;
    }

    /// <summary>--checkpoint-every N (0 = off), shared by run and resume.</summary>
    internal static Option<int> CheckpointEveryOption() => IntegerOption.Create("--checkpoint-every",
        "Epochs between checkpoints, for `silo resume` and silo-failure recovery (0 = none)",
        Checkpointing.DefaultEvery, 0, 10_000_000);


    internal static void PrintOutcome(RunExecutor.Outcome outcome)
    {
        var last = outcome.Rows[^1];
        var rate = outcome.Rows.Count / Math.Max(outcome.Elapsed.TotalSeconds, 1e-9);
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("epochs", $"{outcome.Rows.Count} in {outcome.Elapsed.TotalSeconds:F2} s ({rate:F1} epochs/s)");
        table.AddRow("final supply", TokenUnits.Format(last.Supply));
        table.AddRow("final Gini", last.Gini.ToString("F4", CultureInfo.InvariantCulture));
        table.AddRow("accepted epochs", $"{outcome.Rows.Count(r => r.Accepted)}/{outcome.Rows.Count}");
        AnsiConsole.Write(table);
        Console.WriteLine($"results: {outcome.Folder}");
    }
}
