using System.CommandLine;
using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results;
using TokenEconSim.Results.Charts;
using TokenEconSim.Silo.Compare;

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
                "scenarios/env-greedy.yaml"],
        };
        var command = new Command("compare-difficulty", "Compare difficulty algorithms across hashrate environments") { seeds, epochs, output,
            environments };
        command.SetAction(async (parse, ct) =>
        {
            await RunAsync(parse.GetValue(environments)!, parse.GetValue(seeds), parse.GetValue(epochs), parse.GetValue(output)!, ct);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RunAsync(string[] environments, int seeds, int? epochs, string output, CancellationToken ct)
    {
        foreach (var file in environments) ScenarioInput.Load(file, []); // bad input fails before any run
        var folder = Path.Combine(output, "difficulty-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var rows = new List<ComparisonRow>();
        foreach (var file in environments)
        {
            var firstSeeds = new Dictionary<string, IReadOnlyList<EpochMetrics>>();
            foreach (var kind in DifficultyComparison.Algorithms)
            {
                var algorithm = Naming.Of(kind);
                Console.WriteLine($"{Path.GetFileNameWithoutExtension(file)} × {algorithm} × {seeds} seeds …");
                var (row, first) = await DifficultyComparison.MeasureAsync(file, kind, seeds, epochs, ct);
                rows.Add(row);
                firstSeeds[algorithm] = first;
            }
            var target = ScenarioInput.Load(file, []).Consensus.TargetBlockTime;
            ComparisonCharts.Write(Path.GetFileNameWithoutExtension(file), firstSeeds, target, Path.Combine(folder, RunFiles.Charts));
        }
        File.WriteAllText(Path.Combine(folder, "comparison.csv"), DifficultyComparison.Csv(rows));
        var markdown = Markdown(rows);
        File.WriteAllText(Path.Combine(folder, "comparison.md"), markdown);
        Console.Write(markdown);
        Console.WriteLine($"results: {folder}");
    }

    /// <summary>The table as Markdown: readable in a terminal at any width and pasteable into notes.</summary>
    private static string Markdown(IEnumerable<ComparisonRow> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| environment | algorithm | block time mean s | σ s | p99 s | MAD from target s | recovery epochs | forecast RMSE | forecast "
            + "MAPE | last-value RMSE | last-value MAPE |\n");
        sb.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in rows)
            sb.Append($"| {r.Environment} | {r.Algorithm} | {F(r.MeanBlockTime, 0)} | {F(r.SdBlockTime, 0)} | {F(r.P99BlockTime, 0)} | "
                + $"{F(r.MeanAbsDeviation, 0)} | {F(r.RecoveryEpochs, 1)} | {F(r.PredictionRmse, 3)} | {F(r.PredictionMape, 3)} | "
                + $"{F(r.LastValueRmse, 3)} | {F(r.LastValueMape, 3)} |\n");
        return sb.ToString();
    }

    private static string F(double x, int digits) =>
        double.IsNaN(x) ? "" : double.IsInfinity(x) ? "never" : x.ToString("F" + digits, CultureInfo.InvariantCulture);
}
