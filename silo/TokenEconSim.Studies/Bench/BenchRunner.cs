using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;
using TokenEconSim.Results;
using TokenEconSim.Scenarios;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// Times the bench economy on an engine: construction apart from the epoch loop, a warm-up run
/// first (JIT tiering makes first runs 1.5–4× slower), then the median of the timed runs.
/// Agent-steps/s = N · epochs / loop seconds. Every run's metrics are hashed, so the table also
/// shows that the engines agree to the byte.
/// </summary>
public static class BenchRunner
{
    // Role shares of the bench economy (scenarios/bench.yaml, docs/performance.md): 40 % D, 20 % T, 30 % U, 5 % V, 5 % M.
    private static readonly (Role Role, double Share)[] RoleShares =
    [
        (Role.DataProvider, 0.40), (Role.Trainer, 0.20), (Role.ServiceUser, 0.30), (Role.Validator, 0.05), (Role.Miner, 0.05),
    ];

    private const int WarmUpEpochs = 30;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    public static string Resolve(BenchOptions o, ShardSize agentsPerGrain, int epochs, long? seed = null)
    {
        var overrides = new List<KeyValuePair<string, string>>
        {
            new("run.epochs", Invariant(epochs)),
            new("run.agents_per_grain", agentsPerGrain.ToString()),
            new("outputs.charts", "false"),
        };
        var counts = RoleShares.Select(r => (int)Math.Floor(o.Agents * r.Share)).ToArray();
        counts[0] += o.Agents - counts.Sum(); // rounding remainder to the providers, so Σ = N exactly
        for (var i = 0; i < counts.Length; i++) overrides.Add(new($"populations.{RoleShares[i].Role.SectionKey()}.count", Invariant(counts[i])));
        if (seed is { } s) overrides.Add(new("run.seed", Invariant(s)));
        if (o.Behaviour == BenchBehaviour.Logit)
            foreach (var role in BenchBehaviour.Responding) overrides.Add(new($"behaviour.{role}.model", "logit"));
        return ScenarioWriter.ToYaml(ScenarioInput.Load(o.ScenarioPath, overrides));
    }

    public static async Task<BenchResult> MeasureAsync(string mode, Func<ISimulationEngine> engine, BenchOptions o, ShardSize agentsPerGrain,
        CancellationToken ct)
    {
        // Warm-up: tiered JIT promotes hot methods to optimised code in the background, a while after
        // they get hot. One short warm-up run left the first engine measured 2–3× slower than the
        // same engine measured again later, so warm up for a fixed time, not a fixed number of runs.
        var warmUp = Resolve(o, agentsPerGrain, Math.Min(o.Epochs, WarmUpEpochs));
        var warming = Stopwatch.StartNew();
        // Progress on stderr (stdout carries the table and the JSON): at N = 10⁶ one grain per agent
        // takes minutes per run.
        Console.Error.WriteLine($"{mode}: warming up");
        do await RunOnceAsync(engine, warmUp, ct);
        while (warming.Elapsed < WarmUpTime);
        var resolved = Resolve(o, agentsPerGrain, o.Epochs);
        var runs = new List<RunFigures>();
        for (var r = 0; r < o.Runs; r++)
        {
            runs.Add(await RunOnceAsync(engine, resolved, ct));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode}: run {r + 1}/{o.Runs}: {(double)o.Agents * o.Epochs / runs[^1].Loop:N0} agent-steps/s"));
        }
        var loop = Median(runs.Select(x => x.Loop));
        return new BenchResult(mode, o.Agents, o.Epochs, Median(runs.Select(x => x.Construction)), loop,
            (double)o.Agents * o.Epochs / loop, Median(runs.Select(x => x.BytesPerAgent)),
            Process.GetCurrentProcess().PeakWorkingSet64, runs[0].Digest)
        {
            AllocatedBytesPerStep = Median(runs.Select(x => x.AllocatedBytes)) / ((double)o.Agents * o.Epochs),
            Collections = Median(runs.Select(x => (double)x.Collections)),
            CoresBusy = Median(runs.Select(x => x.CpuSeconds / x.Loop)),
        };
    }

    private sealed record RunFigures(double Construction, double Loop, double BytesPerAgent, string Digest, double AllocatedBytes, int Collections,
        double CpuSeconds);

    private static async Task<RunFigures> RunOnceAsync(
        Func<ISimulationEngine> create, string resolved, CancellationToken ct)
    {
        var agents = ScenarioLoader.LoadText(resolved).Scenario!;
        var n = new RunModel(agents).Layout.Total;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var engine = create();
        var clock = Stopwatch.StartNew();
        await engine.StartAsync($"bench-{Guid.NewGuid():N}", resolved, ct);
        var construction = clock.Elapsed.TotalSeconds;
        var bytesPerAgent = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)n;
        var rows = new List<EpochMetrics>();
        // Allocation and collections are process-wide (Orleans' own threads count too): what the
        // loop costs the garbage collector, which on 2 cores competes with the agents for CPU.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var collectionsBefore = GC.CollectionCount(0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var complete = false;
        while (!complete)
        {
            (var batch, complete) = await engine.AdvanceAsync(10, ct);
            rows.AddRange(batch);
            await DrainAgentRowsAsync(engine, ct);
        }
        var loop = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        // Gen-0 count includes every higher-generation collection (each collects gen 0 too).
        return new RunFigures(construction, loop, bytesPerAgent, Digest(agents, rows), allocated, GC.CollectionCount(0) - collectionsBefore,
            cpu);
    }

    /// <summary>A scenario with outputs.agents: its rows are taken (and the cost of capturing them timed) but not written.</summary>
    private static async Task DrainAgentRowsAsync(ISimulationEngine engine, CancellationToken ct)
    {
        if (engine.AgentsEpoch is null) return;
        await foreach (var _ in engine.TakeAgentRowsAsync(ct)) { }
    }

    /// <summary>Final total supply and Gini over seeds 1…<paramref name="seeds"/> (direct engine; every engine gives the same).</summary>
    public static async Task<(double[] Supply, double[] Gini)> StatsAsync(BenchOptions o, int seeds, CancellationToken ct)
    {
        var supply = new double[seeds];
        var gini = new double[seeds];
        for (var s = 0; s < seeds; s++)
        {
            await using var engine = new DirectEngine();
            await engine.StartAsync($"stats-{s}", Resolve(o, o.ShardSize, o.Epochs, seed: s + 1), ct);
            EpochMetrics? last = null;
            var complete = false;
            while (!complete)
            {
                (var batch, complete) = await engine.AdvanceAsync(int.MaxValue, ct);
                if (batch.Count > 0) last = batch[^1];
                await DrainAgentRowsAsync(engine, ct);
            }
            supply[s] = TokenUnits.ToTokens(last!.Supply);
            gini[s] = last.Gini;
        }
        return (supply, gini);
    }

    /// <summary>
    /// The run's metrics.csv as its scenario writes it (optional groups only when enabled), so a group added for a feature the bench
    /// economy does not use leaves the digest as it was; without its leading run_id column, a function of the scenario alone, so the
    /// digests stay comparable with those recorded before the column existed (docs/performance.md).
    /// </summary>
    private static string Digest(Scenario scenario, IReadOnlyList<EpochMetrics> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = new MetricsCsvWriter(stream, MetricLayout.For(scenario), RunIdentity.Of(scenario))) foreach (var row in rows) csv.Write(row);
        var withoutRunId = string.Join('\n', Encoding.UTF8.GetString(stream.ToArray()).Split('\n').Select(line => line[(line.IndexOf(',') + 1)..]));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutRunId)))[..12];
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mean and sample standard deviation (n − 1), computed in a fixed order.</summary>
    public static (double Mean, double Std) MeanStd(double[] xs)
    {
        var mean = xs.Average();
        var std = xs.Length < 2 ? 0 : Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
        return (mean, std);
    }
}
