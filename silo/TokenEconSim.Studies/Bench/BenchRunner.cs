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
/// Times the bench economy on the engines and on its floor (<see cref="FloorKernel"/>): construction apart from the epoch loop,
/// interleaved warm-up rounds until the rates settle (JIT tiering makes first runs 1.5–4× slower), then interleaved timed runs,
/// their median and spread. Agent-steps/s = N · epochs / loop seconds. Every run's metrics are hashed, so the table also
/// shows that the engines agree to the byte.
/// </summary>
public static class BenchRunner
{
    private const int WarmUpEpochs = 30;

    public static string Resolve(BenchOptions o, ShardSize agentsPerGrain, int epochs, long? seed = null)
    {
        var overrides = new List<KeyValuePair<string, string>>
        {
            new("run.epochs", Invariant(epochs)),
            new("run.agents_per_grain", agentsPerGrain.ToString()),
            new("outputs.charts", "false"),
        };
        var shares = BenchEconomy.Shares(o.Economy);
        var counts = shares.Select(r => (int)Math.Floor(o.Agents * r.Share)).ToArray();
        counts[0] += o.Agents - counts.Sum(); // rounding remainder to the providers, so Σ = N exactly
        for (var i = 0; i < counts.Length; i++) overrides.Add(new($"populations.{shares[i].Role.SectionKey()}.count", Invariant(counts[i])));
        if (seed is { } s) overrides.Add(new("run.seed", Invariant(s)));
        if (o.Behaviour == BenchBehaviour.Logit)
            foreach (var role in BenchBehaviour.Responding) overrides.Add(new($"behaviour.{role}.model", "logit"));
        return ScenarioWriter.ToYaml(ScenarioInput.Load(o.ScenarioPath, overrides));
    }

    /// <summary>
    /// Measures the floor and <paramref name="modes"/> at <paramref name="o"/>'s N, interleaved: warm-up rounds (each mode once, in
    /// order) until <see cref="BenchWarmUp.Done"/>, then <see cref="BenchOptions.Runs"/> timed rounds. A slow minute of a shared machine
    /// then lands on every mode's runs alike, and each run's share of the floor is taken against the floor run of its own round, a few
    /// seconds earlier; a mode's percentage is the median of those shares.
    /// </summary>
    public static async Task<BenchSize> MeasureSizeAsync(BenchOptions o, IReadOnlyList<BenchMode> modes, CancellationToken ct)
    {
        var floor = new BenchMode("floor", null, o.ShardSize, BenchBehaviour.Fixed);
        BenchMode[] all = [floor, .. modes.Where(m => m.Skipped is null)];
        var steps = (double)o.Agents * o.Epochs;
        // Progress on stderr (stdout carries the table and the JSON): at N = 10⁶ a round takes tens of seconds.
        Console.Error.WriteLine($"N = {o.Agents}: warming up {string.Join(", ", all.Select(m => m.Name))} in turn");
        var warmEpochs = Math.Min(o.Epochs, WarmUpEpochs);
        var warmRates = all.Select(_ => new List<double>()).ToArray();
        var warming = Stopwatch.StartNew();
        var rounds = 0;
        do
        {
            for (var m = 0; m < all.Length; m++)
                warmRates[m].Add((double)o.Agents * warmEpochs / (await RunOnceAsync(all[m], o, warmEpochs, ct)).Loop);
            rounds++;
        }
        while (!BenchWarmUp.Done(warmRates, rounds, warming.Elapsed));
        Console.Error.WriteLine($"N = {o.Agents}: warm after {rounds} rounds");
        var runs = all.Select(_ => new List<RunFigures>()).ToArray();
        for (var r = 0; r < o.Runs; r++)
            for (var m = 0; m < all.Length; m++)
            {
                runs[m].Add(await RunOnceAsync(all[m], o, o.Epochs, ct));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{all[m].Name}: run {r + 1}/{o.Runs}: {steps / runs[m][^1].Loop:N0} agent-steps/s"));
            }
        var results = new List<BenchResult>();
        var k = 1;
        foreach (var mode in modes)
            results.Add(mode.Skipped is { } why
                ? new BenchResult(mode.Name, o.Agents, o.Epochs, 0, 0, 0, 0, 0, "", why)
                : Result(mode, o, runs[k++], runs[0]));
        return new BenchSize(o.Agents, Result(floor, o, runs[0], runs[0]), results, LoadAverage(), rounds);
    }

    private static BenchResult Result(BenchMode mode, BenchOptions o, List<RunFigures> runs, List<RunFigures> floorRuns)
    {
        var steps = (double)o.Agents * o.Epochs;
        var loop = Median(runs.Select(x => x.Loop));
        var peak = runs.Max(x => x.PeakRss);
        return new BenchResult(mode.Name, o.Agents, o.Epochs, Median(runs.Select(x => x.Construction)), loop, steps / loop,
            Median(runs.Select(x => x.BytesPerAgent)), peak, runs[0].Digest)
        {
            AllocatedBytesPerStep = Median(runs.Select(x => x.AllocatedBytes)) / steps,
            Collections = Median(runs.Select(x => (double)x.Collections)),
            CoresBusy = Median(runs.Select(x => x.CpuSeconds / x.Loop)),
            RateSpread = BenchSpread.Of(runs.Select(x => steps / x.Loop)),
            // Rate over the floor's rate of the same round: the loops ran the same steps, so the ratio is the floor's loop time over ours.
            FloorPercent = 100 * Median(runs.Zip(floorRuns, (run, f) => f.Loop / run.Loop)),
            PeakRssBytesPerAgent = (double)peak / o.Agents,
        };
    }

    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg), or "" off Linux: how busy the machine was beside the numbers.</summary>
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private sealed record RunFigures(double Construction, double Loop, double BytesPerAgent, string Digest, double AllocatedBytes, int Collections,
        double CpuSeconds, long PeakRss);

    private static async Task<RunFigures> RunOnceAsync(BenchMode mode, BenchOptions o, int epochs, CancellationToken ct)
    {
        var resolved = Resolve(o with { Behaviour = mode.Behaviour }, mode.AgentsPerGrain, epochs);
        var agents = ScenarioLoader.LoadText(resolved).Scenario!;
        var n = new RunModel(agents).Layout.Total;
        // The previous run's memory returned to the system, so each run's peak resident set is its own (PeakRss).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        PeakRss.Reset();
        if (mode.Engine is null)
            return RunFloor(o.Economy == BenchEconomy.Ai ? () => new AiFloorKernel(agents, Environment.ProcessorCount).Run
                : () => new FloorKernel(agents, Environment.ProcessorCount).Run, n, before, epochs);
        await using var engine = mode.Engine();
        var clock = Stopwatch.StartNew();
        await engine.StartAsync($"bench-{Guid.NewGuid():N}", resolved, ct);
        var construction = clock.Elapsed.TotalSeconds;
        var bytesPerAgent = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)n;
        var rows = new List<EpochMetrics>();
        var cost = LoopCost.Start();
        clock.Restart();
        var complete = false;
        while (!complete)
        {
            (var batch, complete) = await engine.AdvanceAsync(10, ct);
            rows.AddRange(batch);
            await DrainAgentRowsAsync(engine, ct);
        }
        var loop = clock.Elapsed.TotalSeconds;
        return cost.Figures(construction, loop, bytesPerAgent, Digest(agents, rows));
    }

    /// <summary>
    /// Times a floor kernel (<see cref="FloorKernel"/> or <see cref="AiFloorKernel"/>, built on the cores there are); its checksum (the
    /// Gini sum, or the AI kernel's) in place of a digest: a floor writes no metrics, and printing it keeps its work observable.
    /// </summary>
    private static RunFigures RunFloor(Func<Func<int, double>> build, int n, long before, int epochs)
    {
        var clock = Stopwatch.StartNew();
        var run = build();
        var construction = clock.Elapsed.TotalSeconds;
        var bytesPerAgent = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)n;
        var cost = LoopCost.Start();
        clock.Restart();
        var checksum = run(epochs);
        var loop = clock.Elapsed.TotalSeconds;
        return cost.Figures(construction, loop, bytesPerAgent, checksum.ToString("F6", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// What a loop costs beyond its time. Allocation and collections are process-wide (Orleans' own threads count too): what the
    /// loop costs the garbage collector, which on 2 cores competes with the agents for CPU.
    /// </summary>
    private readonly record struct LoopCost(long Allocated, int Collections, TimeSpan Cpu)
    {
        public static LoopCost Start() =>
            new(GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), Process.GetCurrentProcess().TotalProcessorTime);

        // Gen-0 count includes every higher-generation collection (each collects gen 0 too).
        public RunFigures Figures(double construction, double loop, double bytesPerAgent, string digest) => new(construction, loop, bytesPerAgent,
            digest, GC.GetTotalAllocatedBytes(precise: false) - Allocated, GC.CollectionCount(0) - Collections,
            (Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalSeconds, PeakRss.Read());
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

    internal static double Median(IEnumerable<double> values) => BenchSpread.Of(values).Median;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mean and sample standard deviation (n − 1), computed in a fixed order.</summary>
    public static (double Mean, double Std) MeanStd(double[] xs)
    {
        var mean = xs.Average();
        var std = xs.Length < 2 ? 0 : Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
        return (mean, std);
    }
}
