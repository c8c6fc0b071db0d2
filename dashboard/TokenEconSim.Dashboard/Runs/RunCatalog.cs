using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TokenEconSim.Dashboard.Api;
using TokenEconSim.Dashboard.Security;
using TokenEconSim.Results;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>One row of the runs list: a live run or a finished results folder.</summary>
public sealed record RunListing(
    string Id, string Name, string? Scenario, long? Seed, string Status, int EpochsDone, int? EpochsTotal,
    DateTime StartedUtc, double? EpochsPerSecond, double? EtaSeconds, string? Folder, string? Error,
    IReadOnlyDictionary<string, double>? Results = null);

/// <summary>A run's metrics from <c>since</c> on, with its state (the run page's and the compare page's data).</summary>
public sealed record RunMetrics(RunListing Run, IReadOnlyList<string> Columns, int Since, IReadOnlyList<double?[]> Rows);

/// <summary>
/// The runs the pages know: live runs of this process and the finished folders under the runs
/// folder (runs/&lt;name&gt;-&lt;timestamp&gt;/ with metrics.csv and summary.json; the writer's hidden
/// temporary folders are not runs yet). A live run that has finished is listed once, as live.
/// </summary>
public sealed class RunCatalog(LiveRuns live, IOptions<DashboardOptions> options)
{
    // Finished folders never change, so each is read once.
    private readonly ConcurrentDictionary<string, (RunListing, IReadOnlyList<string>, IReadOnlyList<double?[]>)> _finished = new();

    public IReadOnlyList<RunListing> List()
    {
        var liveRuns = live.All.ToList();
        var liveFolders = liveRuns.Select(r => r.Folder).OfType<string>().Select(Path.GetFullPath).ToHashSet();
        var finished = FinishedFolders().Where(f => !liveFolders.Contains(f.FullName))
            .Select(f => Finished(f.Name)).OfType<(RunListing Run, IReadOnlyList<string>, IReadOnlyList<double?[]>)>().Select(f => f.Run);
        return [.. liveRuns.Select(Listing).Concat(finished).OrderByDescending(r => r.StartedUtc).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public RunMetrics? Metrics(string id, int since)
    {
        if (live.Find(id) is { } run) return new RunMetrics(Listing(run), MetricTable.Columns(run.Layout), since, run.RowsSince(since));
        if (Finished(id) is not var (listing, columns, rows)) return null;
        return new RunMetrics(listing, columns, since, since >= rows.Count ? [] : rows.Skip(since).ToList());
    }

    public static RunListing Listing(LiveRun r) => new(r.Id, r.Name, r.Scenario, r.Seed, Status(r.Status), r.EpochsDone, r.TotalEpochs,
        r.StartedUtc, r.EpochsPerSecond, r.EtaSeconds, r.RelativeFolder, r.Error, r.Results);

    public static string Status(RunStatus s) => s.ToString().ToLowerInvariant();

    private IEnumerable<DirectoryInfo> FinishedFolders()
    {
        var root = new DirectoryInfo(options.Value.RunsFolder);
        if (!root.Exists) return [];
        return root.EnumerateDirectories().Where(d => !d.Name.StartsWith('.') && File.Exists(Path.Combine(d.FullName, RunFiles.Summary)));
    }

    /// <summary>
    /// A finished folder's listing and rows, read once. A folder whose files cannot be read is listed
    /// as "damaged" with the reason (and no rows), not cached, and does not hide the others.
    /// </summary>
    private (RunListing, IReadOnlyList<string>, IReadOnlyList<double?[]>)? Finished(string id)
    {
        if (_finished.TryGetValue(id, out var cached)) return cached;
        if (id.Length == 0 || id.StartsWith('.') || id.IndexOfAny(['/', '\\']) >= 0 || id.Any(char.IsControl)) return null;
        var folder = Path.Combine(options.Value.RunsFolder, id);
        var csv = Path.Combine(folder, RunFiles.Metrics);
        var summaryPath = Path.Combine(folder, RunFiles.Summary);
        if (!File.Exists(csv) || !File.Exists(summaryPath)) return null;
        try
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
            var root = summary.RootElement;
            var name = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString() ?? id : id;
            long? seed = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number
                && s.TryGetInt64(out var sv) ? sv : null;
            var (columns, rows) = MetricTable.ReadCsv(csv);
            var listing = new RunListing(id, name, RunResults.Scenario(folder), seed, "completed", rows.Count, rows.Count, StartedUtc(folder),
                null, null, id, null, RunResults.Read(folder));
            return _finished[id] = (listing, columns, rows);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            var listing = new RunListing(id, id, null, null, "damaged", 0, null, StartedUtc(folder), null, null, id,
                $"{id}: cannot be read: {e.Message.Replace(Path.GetFullPath(options.Value.RunsFolder) + Path.DirectorySeparatorChar, "")}");
            return (listing, [], []);
        }
    }

    /// <summary>A finished folder's start: the timestamp its name carries (runs/&lt;name&gt;-&lt;timestamp&gt;…), else its creation time.</summary>
    private static DateTime StartedUtc(string folder) =>
        RunFolder.StartedUtc(Path.GetFileName(folder)) ?? Directory.GetCreationTimeUtc(folder);

    /// <summary>
    /// The full path of a completed run's metrics.csv (the download); a run without one (running, failed, cancelled) is a 409,
    /// an unknown one a 404.
    /// </summary>
    public string MetricsCsv(string id)
    {
        if (live.Find(id) is { } run)
        {
            if (run.Status == RunStatus.Completed && run.Folder is { } folder && File.Exists(Path.Combine(folder, RunFiles.Metrics)))
                return Path.GetFullPath(Path.Combine(folder, RunFiles.Metrics));
            if (run.Status == RunStatus.Completed) throw ApiProblem.NotFound($"run '{id}': its results folder is gone from the runs folder");
            throw new ApiProblem(StatusCodes.Status409Conflict, run.Status == RunStatus.Running
                ? $"run '{id}' is running; its metrics.csv can be downloaded once it has completed"
                : $"run '{id}' is {Status(run.Status)} and has no results folder, so no metrics.csv");
        }
        if (Finished(id) is not ({ } listing, _, _)) throw NotFound(id);
        if (listing.Status != "completed") throw new ApiProblem(StatusCodes.Status409Conflict, listing.Error ?? $"run '{id}' cannot be read");
        return Path.GetFullPath(Path.Combine(options.Value.RunsFolder, id, RunFiles.Metrics));
    }

    public static ApiProblem NotFound(string id) =>
        ApiProblem.NotFound($"run '{JsonErrors.Shorten(id)}' not found (neither running nor a results folder)");
}
