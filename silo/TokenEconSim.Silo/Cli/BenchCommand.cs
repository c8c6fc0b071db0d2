using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Studies.Bench;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo bench`: the bench economy on the direct engine and on Orleans (sharded and one grain per agent).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var n = IntegerOption.Create("--n", "Agents (N)", 10_000, 1);
        var epochs = IntegerOption.Optional("--epochs", "Epochs per timed run (default 100; 20 with --economy ai)", 1);
        var runs = IntegerOption.Create("--runs", "Timed runs per mode (the median is reported)", 3, 1);
        var stats = new Option<bool>("--stats") { Description = "Also print final supply and Gini, mean and std over seeds 1-5" };
        var shard = new Option<string>("--agents-per-grain")
        {
            Description = "Shard size of the direct and sharded Orleans modes: auto or "
            + "an integer", DefaultValueFactory = _ => "auto"
        };
        shard.Validators.Add(r =>
        {
            if (!ShardSize.TryParse(r.GetValueOrDefault<string>() ?? "", out _, out var error)) r.AddError($"{r.Option.Name}: {error}");
        });
        var perAgentLimit = IntegerOption.Create("--per-agent-limit", "Skip one-grain-per-agent above this N", 100_000, 1);
        var scenario = new Option<string?>("--scenario")
        {
            Description = "The economy's scenario (default scenarios/bench.yaml; scenarios/ai-baseline.yaml with --economy ai)",
        };
        var economy = new Option<string>("--economy")
        {
            Description = "bench: the bench economy; ai: the federated AI economy (ai-baseline.yaml's roles scaled to N, docs/model.md §10), "
                + "against its own floor (a plain-loop kernel of its learning, docs/performance.md)",
            DefaultValueFactory = _ => BenchEconomy.Bench,
        };
        economy.AcceptOnlyFromAmong(BenchEconomy.Bench, BenchEconomy.Ai);
        var behaviour = new Option<string>("--behaviour")
        {
            Description = "fixed: the file's behaviour; logit: every population decides by logit (docs/model.md §17); "
                + "both: each, alternating per engine, with the logit rate over the fixed rate",
            DefaultValueFactory = _ => BenchBehaviour.Fixed,
        };
        behaviour.AcceptOnlyFromAmong(BenchBehaviour.Fixed, BenchBehaviour.Logit, BenchBehaviour.Both);
        var lstm = new Option<bool>("--lstm")
        {
            Description = "Only the LSTM predictor: µs and bytes allocated per prediction and per training step (window 12, hidden 16 and 32), "
                + "median of --runs",
        };
        var network = new Option<bool>("--network")
        {
            Description = "Only the peer-to-peer network: 10 000 nodes of degree 8 in SimBlock's regions, 1 000 blocks of 1 MB relayed to "
                + "every node; run time, stale rate, time to reach 50 % and 90 % of nodes (docs/model.md §19), --runs times",
        };
        var sizes = new Option<int[]>("--sizes")
        {
            Description = "Several N in one command, e.g. 10000,100000,1000000 (replaces --n)",
            CustomParser = r => ParseSizes(r),
        };
        var markdown = new Option<string?>("--markdown")
        {
            Description = "Also write the table in Markdown to FILE (between its bench-table markers if it has them, as docs/performance.md does)",
        };
        var command = new Command("bench", "Measure agent-steps/s of the bench economy on every engine, against its floor") { n, sizes, epochs,
            runs, stats, shard, perAgentLimit, scenario, economy, behaviour, lstm, network, markdown };
        command.Validators.Add(r =>
        {
            if (r.GetValue(economy) == BenchEconomy.Ai && r.GetValue(behaviour) is { } b && b != BenchBehaviour.Fixed)
                r.AddError("--behaviour: the AI economy is measured with its file's behaviour only (fixed)");
        });
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(network))
            {
                NetworkBench.Run(parse.GetValue(runs));
                return ExitCodes.Success;
            }
            if (parse.GetValue(lstm))
            {
                LstmBench.Run(parse.GetValue(runs));
                return ExitCodes.Success;
            }
            var kind = parse.GetValue(economy)!;
            var options = new BenchOptions(parse.GetValue(n), parse.GetValue(epochs) ?? BenchEconomy.DefaultEpochs(kind), parse.GetValue(runs),
                parse.GetValue(stats), ShardSizeOf(parse.GetValue(shard)!), parse.GetValue(perAgentLimit),
                parse.GetValue(scenario) ?? BenchEconomy.DefaultScenario(kind))
            { Sizes = parse.GetValue(sizes) ?? [], Economy = kind };
            var chosen = parse.GetValue(behaviour)!;
            var sessions = await RunAsync(options, chosen == BenchBehaviour.Both ? [BenchBehaviour.Fixed, BenchBehaviour.Logit] : [chosen], ct);
            if (parse.GetValue(markdown) is { } file)
                BenchMarkdown.Write(file, BenchMarkdown.Table(sessions, "silo " + string.Join(' ', parse.Tokens.Select(t => t.Value))));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A comma-separated list of N ≥ 1; an error of the parse (exit 2) otherwise.</summary>
    private static int[] ParseSizes(System.CommandLine.Parsing.ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                r.AddError($"--sizes: '{parts[i]}' is not an agent count ≥ 1 (write e.g. 10000,100000,1000000)");
                return [];
            }
        return sizes;
    }

    private static ShardSize ShardSizeOf(string text) => ShardSize.TryParse(text, out var size, out _) ? size : ShardSize.Auto;

    private static async Task<List<BenchSize>> RunAsync(BenchOptions options, string[] behaviours, CancellationToken ct)
    {
        var o = options with { Behaviour = behaviours[0] };
        foreach (var b in behaviours) BenchRunner.Resolve(o with { Behaviour = b }, o.ShardSize, o.Epochs); // bad input fails here, before any timing
        int[] sizes = o.Sizes.Count > 0 ? [.. o.Sizes] : [o.Agents];
        var sessions = new List<BenchSize>();
        // One silo for the whole session, so every mode of every N runs beside the same (idle between its runs) silo.
        using (var host = await EmbeddedSilo.StartAsync(ct))
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            foreach (var agents in sizes)
            {
                var at = o with { Agents = agents };
                var session = await BenchRunner.MeasureSizeAsync(at, Modes(at, behaviours, grains), ct);
                sessions.Add(session);
                Console.WriteLine($"{o.Economy} economy: N = {agents}, {o.Epochs} epochs, median of {o.Runs} interleaved runs after "
                    + $"{session.WarmUpRounds} warm-up rounds, {Environment.ProcessorCount} cores, behaviour {string.Join(" and ", behaviours)}, "
                    + $"load average {session.LoadAverage}");
                PrintTable(session, behaviours.Length);
                if (behaviours.Length > 1) PrintBehaviourRatios(session.Results);
            }
            await host.StopAsync(ct);
        }
        o = o with { Agents = sizes[0] };
        // The LSTM hashrate predictor's cost at its default size (docs/model.md §4.2), a figure, not a test.
        var lstm = Domain.Learning.Lstm.LstmBenchmark.Measure(iterations: 500);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lstm predictor (input 1, window 24, hidden 32, 1 layer): {lstm.MicrosecondsPerTrainStep:F1} µs per training step, "
                + $"{lstm.MicrosecondsPerPrediction:F1} µs and {lstm.BytesPerPrediction:F0} B per prediction (--lstm: more sizes)"));
        object? statsJson = null;
        if (o.Stats)
        {
            var (supply, gini) = await BenchRunner.StatsAsync(o, 5, ct);
            var s = BenchRunner.MeanStd(supply);
            var g = BenchRunner.MeanStd(gini);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"over seeds 1-5 at N = {o.Agents}, {o.Epochs} epochs: final supply {s.Mean:F2} ± {s.Std:F2} tokens, final Gini {g.Mean:F6} ± "
                    + $"{g.Std:F6}"));
            statsJson = new { seeds = 5, final_supply_mean = s.Mean, final_supply_std = s.Std, final_gini_mean = g.Mean, final_gini_std = g.Std };
        }
        var results = sessions.SelectMany(x => x.Results);
        var floors = sessions.Select(x => x.Floor);
        var load = sessions.Select(x => new { agents = x.Agents, load_average = x.LoadAverage, warm_up_rounds = x.WarmUpRounds });
        Console.WriteLine(JsonSerializer.Serialize(new { results, floors, sizes = load, stats = statsJson },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
        return sessions;
    }

    /// <summary>Direct, sharded and one grain per agent (skipped above the limit), each under every behaviour, in that order.</summary>
    private static List<BenchMode> Modes(BenchOptions o, string[] behaviours, IGrainFactory grains)
    {
        var sharded = $"orleans-{o.ShardSize.Resolve(o.Agents, Environment.ProcessorCount)}";
        var modes = behaviours.Select(b => new BenchMode(Mode("direct", b, behaviours), () => new DirectEngine(), o.ShardSize, b)).ToList();
        modes.AddRange(behaviours.Select(b => new BenchMode(Mode(sharded, b, behaviours), () => new OrleansEngine(grains), o.ShardSize, b)));
        modes.AddRange(behaviours.Select(b => new BenchMode(Mode("orleans-1", b, behaviours), () => new OrleansEngine(grains), new ShardSize(1), b,
            o.Agents <= o.PerAgentGrainLimit ? null : $"skipped: N > {o.PerAgentGrainLimit}")));
        return modes;
    }

    /// <summary>The engine's name, with the behaviour when both are measured.</summary>
    private static string Mode(string engine, string behaviour, string[] measured) => measured.Length == 1 ? engine : $"{engine} {behaviour}";

    /// <summary>What choosing costs: each engine's logit rate over its fixed rate (results come in pairs, fixed first).</summary>
    private static void PrintBehaviourRatios(IReadOnlyList<BenchResult> results)
    {
        for (var i = 0; i + 1 < results.Count; i += 2)
        {
            var (fixedRun, logit) = (results[i], results[i + 1]);
            if (fixedRun.Skipped is not null || logit.Skipped is not null) continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{logit.Mode} / {fixedRun.Mode}: {logit.AgentStepsPerSecond / fixedRun.AgentStepsPerSecond:F2}× the fixed rate"));
        }
    }

    /// <summary>The table: the floor, then each mode; ×direct compares with the direct engine under the same behaviour (the first rows, one
    /// per behaviour), % floor with the floor of the same round.</summary>
    private static void PrintTable(BenchSize session, int behaviours)
    {
        // Off a terminal Spectre assumes 80 columns and wraps every number; a log file has room.
        if (!AnsiConsole.Profile.Capabilities.Interactive) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 190);
        var table = new Table().AddColumns("mode", "build s", "loop s", "steps/s", "min–max", "% floor", "×direct", "B/agent", "alloc B/step",
            "GCs", "cores busy", "RSS MiB", "RSS B/agent", "sha256");
        var results = session.Results;
        for (var i = -1; i < results.Count; i++)
        {
            var r = i < 0 ? session.Floor : results[i];
            var direct = results[Math.Max(i, 0) % behaviours].AgentStepsPerSecond;
            if (r.Skipped is not null) { table.AddRow([r.Mode, .. Enumerable.Repeat("", 12), Markup.Escape(r.Skipped)]); continue; }
            table.AddRow(r.Mode, F(r.ConstructionSeconds, 3), F(r.LoopSeconds, 3), r.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                $"{BenchMarkdown.Rate(r.RateSpread.Min)}–{BenchMarkdown.Rate(r.RateSpread.Max)}", i < 0 ? "100" : F(r.FloorPercent, 0),
                F(r.AgentStepsPerSecond / direct, 2), F(r.ManagedBytesPerAgent, 0), F(r.AllocatedBytesPerStep, 1), F(r.Collections, 0),
                F(r.CoresBusy, 2), F(r.PeakRssBytes / 1048576.0, 0), F(r.PeakRssBytesPerAgent, 0), i < 0 ? "—" : r.MetricsDigest);
        }
        AnsiConsole.Write(table);
    }

    private static string F(double x, int decimals) => x.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
