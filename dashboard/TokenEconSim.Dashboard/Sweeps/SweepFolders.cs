using System.Text.Json;
using System.Text.Json.Nodes;
using TokenEconSim.Results;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Dashboard.Sweeps;

/// <summary>
/// One sweep folder as the Sweeps page shows it: sweep.json as written, the points table and the chart files, with what the page
/// shows first: the swept parameters (points.csv's columns between <c>point</c> and <c>seeds</c>) and the key metrics (the
/// objective, then the metrics a sweep charts by default, <see cref="SummaryMetrics.MainFor"/>, that the table has).
/// </summary>
public sealed record SweepView(string Id, JsonElement Sweep, IReadOnlyList<string> PointColumns, IReadOnlyList<string[]> Points,
    IReadOnlyList<string> Charts, IReadOnlyList<string>? Parameters = null, IReadOnlyList<string>? KeyMetrics = null)
{
    /// <summary>The design with its ranges or values, from sweep.yaml; null when it does not load.</summary>
    public SweepDesignView? Design { get; init; }

    /// <summary>sensitivity.csv (sobol and morris designs) as written, or null.</summary>
    public CsvTable? Sensitivity { get; init; }

    /// <summary>pareto.csv (a Pareto tune) as written, or null.</summary>
    public CsvTable? Pareto { get; init; }
}

/// <summary>A CSV table as text cells: its header and rows.</summary>
public sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows);

/// <summary>
/// Reads sweeps/&lt;name&gt;-&lt;timestamp&gt;/ (sweep.json, sweep.yaml, points.csv, sensitivity.csv, pareto.csv, charts/*.png) as the
/// command writes them. Only names found in the folder are served, so no request reaches outside it.
/// </summary>
public sealed class SweepFolders(string root)
{
    public IReadOnlyList<SweepView> List() =>
        !Directory.Exists(root) ? [] :
        [.. new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.') && File.Exists(Path.Combine(d.FullName, RunFiles.SweepReport)))
            .OrderByDescending(d => d.Name, StringComparer.Ordinal)
            .Select(d => Read(d.Name, withPoints: false)!)];

    public SweepView? Find(string id) => Folder(id) is null ? null : Read(id, withPoints: true);

    /// <summary>The full path of a sweep folder's sweep.json, points.csv, sensitivity.csv or pareto.csv (<paramref name="file"/>), or null.</summary>
    public string? Table(string id, string file)
    {
        if (file is not (RunFiles.SweepReport or RunFiles.SweepPoints or RunFiles.SweepSensitivity or RunFiles.Pareto)
            || Folder(id) is not { } folder) return null;
        var path = Path.Combine(folder, file);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The full path of a chart the folder holds, or null.</summary>
    public string? Chart(string id, string file)
    {
        if (Folder(id) is not { } folder) return null;
        var charts = Path.Combine(folder, RunFiles.Charts);
        return Directory.Exists(charts) ? Directory.EnumerateFiles(charts, "*.png").FirstOrDefault(f => Path.GetFileName(f) == file) : null;
    }

    private string? Folder(string id)
    {
        if (!Directory.Exists(root)) return null;
        return new DirectoryInfo(root).EnumerateDirectories().FirstOrDefault(d => d.Name == id && !id.StartsWith('.')
            && File.Exists(Path.Combine(d.FullName, RunFiles.SweepReport)))?.FullName;
    }

    private SweepView? Read(string id, bool withPoints)
    {
        var folder = Path.Combine(root, id);
        JsonElement sweep;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, RunFiles.SweepReport)));
            sweep = AbandonedWhileRunning(doc.RootElement, folder) ? MarkInterrupted(doc.RootElement) : doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            sweep = JsonSerializer.SerializeToElement(new { error = $"{RunFiles.SweepReport}: {e.Message}" });
        }
        var charts = Directory.Exists(Path.Combine(folder, RunFiles.Charts))
            ? Directory.EnumerateFiles(Path.Combine(folder, RunFiles.Charts), "*.png")
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        if (!withPoints) return new SweepView(id, sweep, [], [], charts);
        var (columns, points) = ReadCsv(Path.Combine(folder, RunFiles.SweepPoints));
        return new SweepView(id, sweep, columns, points, charts, Parameters(columns), KeyMetrics(columns))
        {
            Design = SweepDesignView.Read(Path.Combine(folder, RunFiles.SweepScenario)),
            Sensitivity = Table(Path.Combine(folder, RunFiles.SweepSensitivity)),
            Pareto = Table(Path.Combine(folder, RunFiles.Pareto)),
        };
    }

    private const string PointColumn = "point", SeedsColumn = "seeds", MeanSuffix = "_mean";

    /// <summary>points.csv's columns are point, the parameters, seeds, then four per metric (PointsCsv).</summary>
    private static List<string> Parameters(IReadOnlyList<string> columns)
    {
        var seeds = columns.ToList().IndexOf(SeedsColumn);
        return seeds < 0 ? [] : [.. columns.Take(seeds).Where(c => c != PointColumn)];
    }

    private static List<string> KeyMetrics(IReadOnlyList<string> columns)
    {
        var metrics = columns.Where(c => c.EndsWith(MeanSuffix, StringComparison.Ordinal)).Select(c => c[..^MeanSuffix.Length]).ToHashSet();
        var responding = metrics.Any(m => SummaryMetrics.Responding.Contains(m) && !SummaryMetrics.Names.Contains(m));
        return [.. new[] { "objective" }.Concat(SummaryMetrics.MainFor(responding)).Where(metrics.Contains)];
    }

    /// <summary>
    /// A sweep killed outright (kill -9, a power cut) never rewrites its "running": when no live process
    /// holds the folder's lock, it is shown as what it is, an interrupted sweep that the same command resumes.
    /// </summary>
    private static bool AbandonedWhileRunning(JsonElement sweep, string folder) =>
        sweep.ValueKind == JsonValueKind.Object && sweep.TryGetProperty("status", out var status)
        && status.ValueKind == JsonValueKind.String && status.GetString() == "running"
        && !LockHolder.IsAlive(Path.Combine(folder, RunFiles.SweepLock));

    private static JsonElement MarkInterrupted(JsonElement sweep)
    {
        var node = JsonNode.Parse(sweep.GetRawText())!.AsObject();
        node["status"] = "interrupted";
        node["interrupted"] = "the sweep's process is gone (killed); the runs complete are kept, and the same sweep command resumes it";
        return JsonSerializer.SerializeToElement(node);
    }

    private static CsvTable? Table(string path)
    {
        var (columns, rows) = ReadCsv(path);
        return columns.Count == 0 ? null : new CsvTable(columns, rows);
    }

    /// <summary>A table of the folder as text cells (numbers are shown as written).</summary>
    private static (IReadOnlyList<string>, IReadOnlyList<string[]>) ReadCsv(string path)
    {
        if (!File.Exists(path)) return ([], []);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(SweepCsv.ParseRow).ToList();
        return lines.Count == 0 ? ([], []) : (lines[0], lines.Skip(1).ToList());
    }
}
