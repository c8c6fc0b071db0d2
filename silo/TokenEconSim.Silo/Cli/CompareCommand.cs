using System.CommandLine;
using TokenEconSim.Studies.Compare;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo compare-difficulty`: every difficulty environment under every algorithm, several seeds; a table, a CSV and charts.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var seeds = IntegerOption.Create("--seeds", "Seeds per (environment, algorithm)", 3, 1);
        var epochs = IntegerOption.Optional("--epochs", "Epochs per run (default: each environment's own)", 1);
        var output = new Option<string>("--out") { Description = "Parent folder of the comparison folder", DefaultValueFactory = _ => "compare" };
        var environments = new Option<string[]>("--environments")
        {
            Description = "Environment scenarios", AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["scenarios/env-growth.yaml", "scenarios/env-drop-recovery.yaml", "scenarios/env-random-walk.yaml",
                "scenarios/env-greedy.yaml", "scenarios/env-switching.yaml", "scenarios/env-price.yaml"],
        };
        var horizons = IntegerOption.Create("--horizons", "Windows ahead the forecasters are measured at (RMSE by horizon)", 3, 1);
        var command = new Command("compare-difficulty", "Compare difficulty algorithms across hashrate environments") { seeds, epochs, output,
            environments, horizons };
        command.SetAction(async (parse, ct) =>
        {
            await DifficultyStudy.RunAsync(parse.GetValue(environments)!, parse.GetValue(seeds), parse.GetValue(epochs),
                parse.GetValue(horizons), parse.GetValue(output)!, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
