using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;
using TokenEconSim.Results.Report;

namespace TokenEconSim.Results;

/// <summary>
/// A run's results folder, written atomically (docs/model.md §15): everything goes into a hidden temporary
/// folder beside the final one, and <see cref="Complete"/> renames it into place in one step. A run
/// that fails or crashes leaves nothing that looks complete: Dispose deletes the temporary folder
/// (unless <see cref="KeepForResume"/>), and after a hard crash only a hidden ".…tmp-…" folder remains.
/// </summary>
public sealed partial class RunFolder : IDisposable
{
    private const string TimestampFormat = "yyyyMMdd-HHmmss";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _parent;
    private readonly string _baseName;
    private MetricsCsvWriter? _metrics;
    private BlocksCsvWriter? _blocks;
    private readonly List<CsvStreamWriter> _economy = [];
    private bool _completed;
    private bool _disposed;
    private bool _exactName;
    private bool _kept;

    private RunFolder(string parent, string baseName, string finalPath, string temporaryPath)
    {
        _parent = parent;
        _baseName = baseName;
        FinalPath = finalPath;
        TemporaryPath = temporaryPath;
    }

    public string TemporaryPath { get; }

    /// <summary>&lt;parent&gt;/&lt;name&gt;-&lt;timestamp&gt;, with -2, -3 … if that is taken (checked again at <see cref="Complete"/>).</summary>
    public string FinalPath { get; private set; }

    /// <summary>The UTC start a folder's name carries (&lt;name&gt;-yyyyMMdd-HHmmss, then maybe -suffix), or null.</summary>
    public static DateTime? StartedUtc(string folderName)
    {
        // The stamp is 15 characters after a '-'; a suffix (-2, a run id's -1a2b3c4d) may follow it.
        for (var at = folderName.IndexOf('-'); at >= 0 && at + 16 <= folderName.Length; at = folderName.IndexOf('-', at + 1))
            if (DateTime.TryParseExact(folderName.AsSpan(at + 1, 15), TimestampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                && (at + 16 == folderName.Length || folderName[at + 16] == '-'))
                return utc;
        return null;
    }

    public static RunFolder Create(string parentDirectory, string runName, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parentDirectory);
        ValidateRunName(runName);
        var utc = utcNow.Kind == DateTimeKind.Local ? utcNow.ToUniversalTime() : utcNow;
        var parent = Path.GetFullPath(parentDirectory);
        var baseName = $"{runName}-{utc.ToString(TimestampFormat, CultureInfo.InvariantCulture)}";
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{baseName}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        Directory.CreateDirectory(temporary);
        return new RunFolder(parent, baseName, FreeFinalPath(parent, baseName), temporary);
    }

    /// <summary>
    /// &lt;parent&gt;/&lt;folderName&gt; exactly, no timestamp (a sweep's runs/p012-s3): the name says which
    /// run it holds, so an existing folder is a completed run and is refused rather than renamed.
    /// </summary>
    public static RunFolder CreateNamed(string parentDirectory, string folderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parentDirectory);
        ValidateRunName(folderName);
        var parent = Path.GetFullPath(parentDirectory);
        var final = Path.Combine(parent, folderName);
        if (Directory.Exists(final) || File.Exists(final)) throw new IOException($"{final} already exists");
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{folderName}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        Directory.CreateDirectory(temporary);
        return new RunFolder(parent, folderName, final, temporary) { _exactName = true };
    }

    /// <summary>Opens metrics.csv with the layout's columns, for streaming; Complete and Dispose close it.</summary>
    /// <param name="runId">Every row's run_id (<see cref="RunFiles.RunIdColumn"/>).</param>
    public MetricsCsvWriter OpenMetrics(MetricLayout layout, string runId)
    {
        ThrowIfFinished();
        if (_metrics is not null) throw new InvalidOperationException($"{RunFiles.Metrics} is already open.");
        var stream = new FileStream(Path.Combine(TemporaryPath, RunFiles.Metrics), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        return _metrics = new MetricsCsvWriter(stream, layout, runId);
    }

    /// <summary>Opens blocks.csv (beside metrics.csv) for streaming; Complete and Dispose close it.</summary>
    /// <param name="network">The run has network.topology: blocks.csv gains the network's columns.</param>
    public BlocksCsvWriter OpenBlocks(string runId, bool network = false)
    {
        ThrowIfFinished();
        if (_blocks is not null) throw new InvalidOperationException($"{RunFiles.Blocks} is already open.");
        var stream = new FileStream(Path.Combine(TemporaryPath, RunFiles.Blocks), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        return _blocks = new BlocksCsvWriter(stream, runId, network);
    }

    /// <summary>governance.csv, for runs with governance; Complete and Dispose close it.</summary>
    public GovernanceCsvWriter OpenGovernance() => Track(new GovernanceCsvWriter(NewCsv(RunFiles.Governance)));

    /// <summary>marketplace.csv, for runs with the marketplace; Complete and Dispose close it.</summary>
    public MarketplaceCsvWriter OpenMarketplace() => Track(new MarketplaceCsvWriter(NewCsv(RunFiles.Marketplace)));

    private FileStream NewCsv(string name)
    {
        ThrowIfFinished();
        return new FileStream(Path.Combine(TemporaryPath, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
    }

    private T Track<T>(T writer) where T : CsvStreamWriter
    {
        _economy.Add(writer);
        return writer;
    }

    public void WriteResolvedScenario(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        WriteFile(RunFiles.Scenario, Utf8.GetBytes(yaml));
    }

    public void WriteSummary(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        WriteFile(RunFiles.Summary, summary.ToJsonBytes());
    }

    /// <summary>Opens agents.parquet for streaming (<see cref="AgentsParquetWriter"/>); the caller disposes it before <see cref="Complete"/>,
    /// which its last row group and footer must precede.</summary>
    public async Task<AgentsParquetWriter> OpenAgentsAsync(string runId, CancellationToken ct)
    {
        ThrowIfFinished();
        var stream = new FileStream(Path.Combine(TemporaryPath, RunFiles.Agents), FileMode.Create, FileAccess.Write, FileShare.Read);
        return await AgentsParquetWriter.CreateAsync(stream, runId, ct, ownsStream: true);
    }

    /// <summary>charts/*.png and charts/*.svg; with no rows, nothing (no empty charts folder). Returns the charts for the report.</summary>
    public IReadOnlyList<RenderedChart> WriteCharts(IReadOnlyList<EpochMetrics> rows) => WriteCharts(rows, ChartOptions.Default);

    /// <summary>As <see cref="WriteCharts(IReadOnlyList{EpochMetrics})"/>, with what the rows cannot tell (the target block time).</summary>
    public IReadOnlyList<RenderedChart> WriteCharts(IReadOnlyList<EpochMetrics> rows, ChartOptions options)
    {
        ThrowIfFinished();
        return RunCharts.Render(rows, Path.Combine(TemporaryPath, RunFiles.Charts), options);
    }

    /// <summary>report.html (<see cref="RunReport"/>); <paramref name="charts"/> null when the scenario turns charts off.</summary>
    public void WriteReport(RunSummary summary, string resolvedScenarioYaml, MetricLayout layout, IReadOnlyList<RenderedChart>? charts) =>
        WriteFile(RunFiles.Report, RunReport.ToHtmlBytes(summary, resolvedScenarioYaml, layout, charts));

    /// <summary>Closes metrics.csv and blocks.csv, then renames the temporary folder to <see cref="FinalPath"/>; returns it.</summary>
    public string Complete()
    {
        ThrowIfFinished();
        _metrics?.Dispose();
        _blocks?.Dispose();
        foreach (var w in _economy) w.Dispose();
        // Another run may have taken the name since Create; Directory.Move refuses an existing target.
        if (!_exactName && (Directory.Exists(FinalPath) || File.Exists(FinalPath)))
            FinalPath = FreeFinalPath(_parent, _baseName);
        Directory.Move(TemporaryPath, FinalPath);
        _completed = true;
        return FinalPath;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_completed) return;
        // The folder is deleted next (or kept for resume, with its checkpoint); a flush failure (e.g. disk full) is moot.
        try { _metrics?.Dispose(); }
        catch (IOException) { }
        try { _blocks?.Dispose(); }
        catch (IOException) { }
        foreach (var w in _economy)
        {
            try { w.Dispose(); }
            catch (IOException) { }
        }
        if (_kept) return;
        try
        {
            if (Directory.Exists(TemporaryPath)) Directory.Delete(TemporaryPath, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind it is still a hidden ".tmp-" folder, never one that looks complete;
            // Dispose must not hide the exception that brought us here.
        }
    }

    /// <summary>
    /// Leaves the hidden temporary folder in place when the run is disposed unfinished, for `silo
    /// resume`: a run that failed after a checkpoint keeps its progress (a cancelled one does not ask).
    /// </summary>
    public void KeepForResume() => _kept = true;

    /// <summary>Written and flushed to disk, so the rename in Complete never publishes a half-written file.</summary>
    private void WriteFile(string name, byte[] content)
    {
        ThrowIfFinished();
        using var stream = new FileStream(Path.Combine(TemporaryPath, name), FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    private void ThrowIfFinished()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("The run folder is already complete.");
    }

    private static string FreeFinalPath(string parent, string baseName)
    {
        var path = Path.Combine(parent, baseName);
        for (var n = 2; Directory.Exists(path) || File.Exists(path); n++)
            path = Path.Combine(parent, $"{baseName}-{n}");
        return path;
    }

    /// <summary>The name becomes a folder name: no separators, nothing hidden or relative.</summary>
    private static void ValidateRunName(string runName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runName);
        if (runName.StartsWith('.') || runName.IndexOfAny(['/', '\\']) >= 0 || runName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"Run name '{runName}' cannot name a folder: no leading '.', no '/' or '\\'.", nameof(runName));
    }
}
