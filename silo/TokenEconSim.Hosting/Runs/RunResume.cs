using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Hosting.Runs;

/// <summary>
/// `silo resume &lt;run&gt;`: finds the hidden temporary folder an interrupted run left (after a crash or
/// kill -9), restores the engine from its checkpoint.bin and finishes the run into the folder it
/// would have had, with the bytes the uninterrupted run writes.
/// </summary>
public static class RunResume
{
    public static async Task<RunExecutor.Outcome> ResumeAsync(string run, RunRequest settings, CancellationToken ct)
    {
        var path = FindFolder(run, settings.OutputParent);
        // Owned before anything is read or deleted: a run still writing this folder refuses us (exit 2).
        var ownership = FolderLock.Acquire(RunExecutor.LockPath(path), $"run {run} ({path})");
        RunFolder? folder = null;
        try
        {
            if (!Directory.Exists(path)) throw new BadInputException($"{run}: {path} is gone (its run finished or was resumed meanwhile)");
            var saved = LoadCheckpoint(run, path)
                ?? throw new BadInputException($"{run}: {path} holds no checkpoint (the run stopped before its first one, or ran with "
                    + "--checkpoint-every 0); run it again");
            var resolved = await File.ReadAllTextAsync(Path.Combine(path, RunFiles.Scenario), ct);
            var loaded = ScenarioLoader.LoadText(resolved, Path.Combine(path, RunFiles.Scenario));
            if (!loaded.Success) throw new BadInputException(loaded.Errors.Select(e => e.ToString()).ToArray());
            folder = RunFolder.Reopen(path);
            var runId = $"{folder.RunName}-{Guid.NewGuid():N}"[..^24];
            var request = settings with { ScenarioPath = Path.Combine(path, RunFiles.Scenario) };
            return await RunExecutor.RunIntoAsync(request, loaded.Scenario!, resolved, runId, folder, saved, ct);
        }
        finally
        {
            if (folder is null) ownership.Dispose(); // nothing was touched: the folder and its lock file stay as found
            else RunExecutor.Release(folder, ownership);
        }
    }

    private static (byte[] Checkpoint, IReadOnlyList<EpochMetrics> Rows)? LoadCheckpoint(string run, string path)
    {
        try
        {
            return RunCheckpointFiles.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException($"{run}: cannot resume from {path}: {e.Message}; run it again");
        }
    }

    /// <summary>A folder path, or the name of a run under the output folder (its hidden .&lt;run&gt;.tmp-… folder).</summary>
    private static string FindFolder(string run, string parent)
    {
        if (Directory.Exists(run) && Path.GetFileName(Path.GetFullPath(run).TrimEnd('/')).StartsWith('.')) return Path.GetFullPath(run);
        var candidates = Directory.Exists(parent) ? Directory.GetDirectories(parent, $".{run}.tmp-*") : [];
        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new BadInputException($"{run}: no interrupted run of that name under {Path.GetFullPath(parent)} (looked for .{run}.tmp-*; "
                + "use --out for another folder)"),
            _ => throw new BadInputException($"{run}: {candidates.Length} interrupted runs match; name one folder: {string.Join(", ", candidates)}"),
        };
    }
}
