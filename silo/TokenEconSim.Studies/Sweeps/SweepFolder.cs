using System.Globalization;
using System.Text;
using TokenEconSim.Results;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// A sweep's folder, sweeps/&lt;name&gt;-&lt;utc yyyyMMdd-HHmmss&gt;/: sweep.yaml (the sweep as resolved),
/// runs.csv, points.csv, sweep.json, charts/ and runs/&lt;run&gt;/ (each an ordinary run folder).
/// Resumption: the same sweep started again (the same resolved sweep.yaml, comments aside) continues
/// in the newest folder that holds it. A run is complete when its folder under runs/ exists — run
/// folders are written under a hidden temporary name and renamed when complete — so the leftovers
/// of a killed sweep are hidden temporary folders, deleted here, and those runs are done again.
/// The sweep owns its folder for its life (a <see cref="FolderLock"/>, .lock inside it): a second
/// start of the same sweep while the first is alive is refused instead of deleting its runs.
/// </summary>
public sealed class SweepFolder : IDisposable
{
    private const string TimestampFormat = "yyyyMMdd-HHmmss";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private FolderLock? _ownership;

    private SweepFolder(string path, bool resumed)
    {
        Path = path;
        Resumed = resumed;
    }

    /// <summary>Lets the folder go (the lock file stays: the folder does, and the next start takes it).</summary>
    public void Dispose() => _ownership?.Dispose();

    private SweepFolder Owned()
    {
        _ownership = FolderLock.Acquire(File(RunFiles.SweepLock), $"sweep folder {Path}");
        return this;
    }

    public string Path { get; }

    /// <summary>True when an earlier start of the same sweep was found and is continued.</summary>
    public bool Resumed { get; }

    public string RunsPath => System.IO.Path.Combine(Path, "runs");
    public string ChartsPath => System.IO.Path.Combine(Path, RunFiles.Charts);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string RunPath(SweepJob job) => System.IO.Path.Combine(RunsPath, job.Folder);

    public bool IsComplete(SweepJob job) => Directory.Exists(RunPath(job));

    public string SummaryPath(SweepJob job) => System.IO.Path.Combine(RunPath(job), RunFiles.Summary);

    /// <summary>
    /// The newest folder &lt;parent&gt;/&lt;name&gt;-&lt;timestamp&gt; whose sweep.yaml says what
    /// <paramref name="resolvedYaml"/> says, or (when none, or <paramref name="fresh"/>) a new one.
    /// </summary>
    public static SweepFolder OpenOrCreate(string parent, string name, string resolvedYaml, bool fresh, DateTime utcNow)
    {
        Directory.CreateDirectory(parent);
        if (!fresh)
        {
            var previous = Directory.GetDirectories(parent, name + "-*")
                .Where(d => IsSweepFolderOf(System.IO.Path.GetFileName(d), name))
                .OrderByDescending(d => System.IO.Path.GetFileName(d), StringComparer.Ordinal)
                .FirstOrDefault(d => SameSweep(System.IO.Path.Combine(d, RunFiles.SweepScenario), resolvedYaml));
            if (previous != null)
            {
                var resumed = new SweepFolder(System.IO.Path.GetFullPath(previous), resumed: true).Owned();
                resumed.DeleteLeftovers();
                return resumed;
            }
        }
        var baseName = $"{name}-{utcNow.ToString(TimestampFormat, CultureInfo.InvariantCulture)}";
        var path = System.IO.Path.Combine(parent, baseName);
        for (var n = 2; Directory.Exists(path); n++) path = System.IO.Path.Combine(parent, $"{baseName}-{n}");
        Directory.CreateDirectory(System.IO.Path.Combine(path, "runs"));
        var folder = new SweepFolder(System.IO.Path.GetFullPath(path), resumed: false).Owned();
        folder.Write(RunFiles.SweepScenario, resolvedYaml);
        return folder;
    }

    /// <summary>Written whole to a temporary file and renamed, so a reader (the dashboard) never sees half a file.</summary>
    public void Write(string name, string content)
    {
        var target = File(name);
        var temporary = System.IO.Path.Combine(Path, $".{name}.tmp");
        System.IO.File.WriteAllText(temporary, content, Utf8);
        System.IO.File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Runs interrupted by a kill left hidden temporary folders; they are done again, so they go.</summary>
    private void DeleteLeftovers()
    {
        Directory.CreateDirectory(RunsPath);
        foreach (var leftover in Directory.GetDirectories(RunsPath, ".*.tmp-*"))
            Directory.Delete(leftover, recursive: true);
        foreach (var lockFile in Directory.GetFiles(RunsPath, ".*.tmp-*.lock*"))
            System.IO.File.Delete(lockFile);
    }

    private static bool IsSweepFolderOf(string folder, string name)
    {
        var rest = folder[(name.Length + 1)..];
        var stamp = rest.Length >= 15 ? rest[..15] : rest;
        return DateTime.TryParseExact(stamp, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && (rest.Length == 15 || rest[15] == '-');
    }

    /// <summary>The same sweep: equal text once comment lines (the header naming the source path and time) are set aside.</summary>
    private static bool SameSweep(string sweepYaml, string resolvedYaml) =>
        System.IO.File.Exists(sweepYaml) && Body(System.IO.File.ReadAllText(sweepYaml)) == Body(resolvedYaml);

    private static string Body(string yaml) =>
        string.Join("\n", yaml.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith('#')));
}
