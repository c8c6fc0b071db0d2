using System.Diagnostics;
using System.Reflection;
using Spectre.Console;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results;
using TokenEconSim.Results.Charts;
using TokenEconSim.Scenarios;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Hosting.Runs;

/// <summary>
/// Runs one scenario on an engine and writes its results folder. Results go to a hidden temporary
/// folder that is renamed only when everything is written: a failed or cancelled run leaves nothing
/// that looks complete (a kept checkpoint stays hidden). The process owns that folder through a
/// <see cref="FolderLock"/> for the run's life, so a `silo resume` of a live run is refused.
/// </summary>
public static class RunExecutor
{
    public static string Version { get; } =
        typeof(RunExecutor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public sealed record Outcome(string Folder, IReadOnlyList<EpochMetrics> Rows, TimeSpan Elapsed)
    {
        /// <summary>The endpoint of the silo that finished the run (null on the direct engine).</summary>
        public string? Silo { get; init; }

        /// <summary>Times the run continued on other silos after a silo was lost.</summary>
        public int Recoveries { get; init; }
    }

    public static async Task<Outcome> ExecuteAsync(RunRequest request, CancellationToken ct)
    {
        var scenario = request.Scenario ?? ScenarioInput.Load(request.ScenarioPath, request.Overrides);
        var resolved = ScenarioWriter.ToYaml(scenario, ResolvedScenarioHeader.For(request.ScenarioPath, Version, scenario.Run.Seed));
        var started = DateTime.UtcNow;
        var runId = $"{scenario.Run.Name}-{started:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..^24];

        var folder = CreateFolder(request.OutputParent, request.FolderName ?? (request.FolderNamedByRunId ? runId : null), scenario.Run.Name,
            started);
        FolderLock? ownership = null;
        try
        {
            ownership = FolderLock.Acquire(LockPath(folder.TemporaryPath), $"run {folder.RunName} ({folder.TemporaryPath})");
            folder.WriteResolvedScenario(resolved);
            if (request.ShowProgress && request.CheckpointEvery > 0 && EpochLoop.NotCheckpointable(scenario) is { } why)
                Console.WriteLine($"run {folder.RunName}: {why}");
            else if (request.ShowProgress && request.CheckpointEvery > 0)
                Console.WriteLine($"run {folder.RunName}: checkpoint every {request.CheckpointEvery} epochs; after Ctrl+C or a crash, continue with: "
                    + Invocation.Resume(folder.RunName, request.OutputParent));
            return await RunIntoAsync(request, scenario, resolved, runId, folder, null, ct);
        }
        finally
        {
            Release(folder, ownership);
        }
    }

    /// <summary>The lock file that owns a run's hidden folder (beside it, so that it never lands in the published folder).</summary>
    internal static string LockPath(string temporaryFolder) => temporaryFolder.TrimEnd(Path.DirectorySeparatorChar) + ".lock";

    /// <summary>
    /// Closes the folder (deleted unless published or kept for resume), then gives up the lock: its files go with the folder, and stay with a
    /// kept one.
    /// </summary>
    internal static void Release(RunFolder folder, FolderLock? ownership)
    {
        folder.Dispose();
        if (ownership is null) return;
        if (Directory.Exists(folder.TemporaryPath)) ownership.Dispose();
        else ownership.ReleaseAndDelete();
    }

    /// <summary>Runs (or, from a checkpoint, continues) a run into its open results folder, and publishes it.</summary>
    internal static async Task<Outcome> RunIntoAsync(RunRequest request, Scenario scenario, string resolved, string runId, RunFolder folder,
        (byte[] Checkpoint, IReadOnlyList<EpochMetrics> Rows)? resume, CancellationToken ct)
    {
        using var files = request.CheckpointEvery > 0 || resume is not null ? new RunCheckpointFiles(folder.TemporaryPath, resume?.Rows ?? []) : null;
        try
        {
            return await RunAndPublishAsync(request, scenario, resolved, runId, folder, files, resume, ct);
        }
        catch (OperationCanceledException e) when (request.KeepCheckpointWhenCancelled && ct.IsCancellationRequested
                                                  && (files?.PublishedEpoch ?? resume?.Rows.Count) is { } epoch)
        {
            // Ctrl+C or SIGTERM: the engine stopped between epochs; the last checkpoint stays and resumes.
            folder.KeepForResume();
            throw new RunInterruptedException($"interrupted: run {folder.RunName} keeps its checkpoint at epoch {epoch} in {folder.TemporaryPath}; "
                + "continue it with:"
                + $"{Environment.NewLine}  {Invocation.Resume(folder.RunName, request.OutputParent)}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not BadInputException && request.FolderName is null
                                  && (files?.PublishedEpoch ?? resume?.Rows.Count) is { } epoch)
        {
            // Hours of a large run are not thrown away for a full disk or a lost database: the
            // checkpoint stays. A sweep's run (FolderName) is redone by the sweep's own resume instead.
            folder.KeepForResume();
            throw new RunStoppedException($"{e.Message}{Environment.NewLine}run {folder.RunName}: its checkpoint at epoch {epoch} is kept in "
                + $"{folder.TemporaryPath}; "
                + $"continue it with:{Environment.NewLine}  {Invocation.Resume(folder.RunName, request.OutputParent)}", e);
        }
    }

    private static async Task<Outcome> RunAndPublishAsync(RunRequest request, Scenario scenario, string resolved, string runId, RunFolder folder,
        RunCheckpointFiles? files, (byte[] Checkpoint, IReadOnlyList<EpochMetrics> Rows)? resume, CancellationToken ct)
    {
        var rows = new List<EpochMetrics>(scenario.Run.Epochs);
        var id = RunIdentity.Of(scenario);
        var clock = Stopwatch.StartNew();
        var checkpointing = files is null ? Checkpointing.None : new Checkpointing(request.CheckpointEvery, files.Saved, resume?.Checkpoint);
        string? silo;
        int recoveries;
        await using (var engine = Create(request, checkpointing))
        {
            await engine.StartAsync(runId, resolved, ct);
            request.OnStarted?.Invoke(new RunStarted(runId, scenario, folder.TemporaryPath) { Silo = engine.Silo });
            using var csv = folder.OpenMetrics(MetricLayout.For(scenario), id);
            using var blocks = folder.OpenBlocks(id, scenario.Network.Enabled);
            await using var agents = scenario.Outputs.Agents != AgentsOutput.None ? await folder.OpenAgentsAsync(id, ct) : null;
            using var governance = scenario.Governance.Enabled ? folder.OpenGovernance() : null;
            using var marketplace = scenario.Marketplace.Enabled ? folder.OpenMarketplace() : null;
            foreach (var row in resume?.Rows ?? [])
            {
                csv.Write(row);
                blocks.Write(row);
            }
            rows.AddRange(resume?.Rows ?? []);
            await WithProgress(request.ShowProgress, scenario, async report =>
            {
                var chunk = 1;
                var complete = false;
                while (!complete)
                {
                    var t0 = clock.Elapsed;
                    (var batch, complete) = await engine.AdvanceAsync(chunk, ct);
                    foreach (var row in batch)
                    {
                        csv.Write(row);
                        blocks.Write(row);
                        governance?.Write(row);
                        marketplace?.Write(row);
                    }
                    rows.AddRange(batch);
                    if (engine.AgentsEpoch is { } recorded)
                        await foreach (var shard in engine.TakeAgentRowsAsync(ct)) await agents!.AppendAsync(recorded, shard, ct);
                    request.OnEpochs?.Invoke(batch);
                    var before = files?.PublishedEpoch;
                    files?.Append(batch);
                    // A line for logs and scripts (it says a signal now keeps something); a terminal has the bar and the start line.
                    if (request.ShowProgress && !AnsiConsole.Profile.Capabilities.Interactive && before is null && files?.PublishedEpoch is { } first)
                        Console.WriteLine($"run {folder.RunName}: first checkpoint at epoch {first}; from now on Ctrl+C stops and keeps "
                            + "the last one");
                    report(rows.Count);
                    chunk = NextChunk(chunk, clock.Elapsed - t0);
                }
            });
            (silo, recoveries) = (engine.Silo, engine.Recoveries);
        }
        files?.Delete();
        var elapsed = clock.Elapsed;
        var engineName = request.Engine.ToString().ToLowerInvariant();
        var info = new RunInfo(scenario.Run.Name, scenario.Run.Seed, resolved, engineName, new RunModel(scenario).AgentsPerShard, Version)
        {
            RunId = id,
        };
        var summary = RunSummary.From(info, rows, BehaviourColumns.Group.IsEnabled(scenario), NetworkColumns.Group.IsEnabled(scenario));
        folder.WriteSummary(summary);
        var charts = scenario.Outputs.Charts ? folder.WriteCharts(rows, new ChartOptions(scenario.Consensus.TargetBlockTime,
            scenario.Consensus.Hashing == HashingMode.Real ? "H/s" : "× 2³² H/s")) : null;
        folder.WriteReport(summary, resolved, MetricLayout.For(scenario), charts);
        return new Outcome(folder.Complete(), rows, elapsed) { Silo = silo, Recoveries = recoveries };
    }

    /// <summary>A run that failed after a checkpoint: its folder is kept and the message says how to resume it.</summary>
    public sealed class RunStoppedException(string message, Exception inner) : Exception(message, inner);

    /// <summary>Asks for about a quarter second of epochs per call, so progress stays live without a call per epoch.</summary>
    private static int NextChunk(int chunk, TimeSpan took)
    {
        if (took < TimeSpan.FromMilliseconds(100)) return Math.Min(chunk * 2, 10_000);
        if (took > TimeSpan.FromMilliseconds(500)) return Math.Max(1, chunk / 2);
        return chunk;
    }

    private static RunFolder CreateFolder(string parent, string? folderName, string name, DateTime started)
    {
        try
        {
            Directory.CreateDirectory(parent);
            return folderName is null ? RunFolder.Create(parent, name, started) : RunFolder.CreateNamed(parent, folderName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out {parent}: cannot create the results folder there ({e.Message})");
        }
    }

    private static ISimulationEngine Create(RunRequest request, Checkpointing checkpointing) => request.Engine switch
    {
        EngineKind.Direct => new DirectEngine(checkpointing),
        _ => new OrleansEngine(request.Grains, request.Cluster, checkpointing, request.Membership),
    };

    private static async Task WithProgress(bool show, Scenario scenario, Func<Action<int>, Task> work)
    {
        var total = scenario.Run.Epochs;
        var clock = Stopwatch.StartNew();
        if (!show)
        {
            await work(_ => { });
            return;
        }
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // No terminal to redraw (CI, a pipe): a plain line every few seconds instead of a bar.
            var lastPrint = TimeSpan.Zero;
            await work(done =>
            {
                if (done < total && clock.Elapsed - lastPrint < TimeSpan.FromSeconds(3)) return;
                lastPrint = clock.Elapsed;
                Console.WriteLine($"{scenario.Run.Name}: epoch {done}/{total} ({done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):F1} epochs/s)");
            });
            return;
        }
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{Markup.Escape(scenario.Run.Name)}", maxValue: total);
                await work(done =>
                {
                    task.Value = done;
                    var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                    task.Description = $"{Markup.Escape(scenario.Run.Name)} epoch {done}/{total} ({rate:F1} epochs/s)";
                });
            });
    }
}

/// <summary>
/// A run stopped by Ctrl+C or SIGTERM after a checkpoint: its hidden folder stays and the message gives the command that continues it.
/// </summary>
public sealed class RunInterruptedException(string message, Exception inner) : OperationCanceledException(message, inner);
