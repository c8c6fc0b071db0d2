using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Loading;

/// <summary>
/// Reads a scenario file and follows its top-level <c>extends: base.yaml</c> (a path relative to
/// the extending file), recursively, then merges: the extending file wins key by key. Nodes keep
/// the file they came from, so an error in a base file names the base file.
/// </summary>
internal sealed class ExtendsResolver(List<ScenarioError> errors)
{
    public const string ExtendsKey = "extends";

    /// <summary>The top-level section that makes a file a sweep file (see Sweeps/SweepLoader).</summary>
    public const string SweepKey = "sweep";

    /// <summary>
    /// True when the caller expands sweeps: the outermost file's `sweep:` is then taken out into
    /// <see cref="Sweep"/> instead of being refused. A base file's `sweep:` is always refused:
    /// sweeping what a file extends would make one file two experiments.
    /// </summary>
    public bool AcceptSweep { get; init; }

    /// <summary>The outermost file's `sweep:` entry, when <see cref="AcceptSweep"/> is set and it has one.</summary>
    public MappingEntry? Sweep { get; private set; }

    // The files being loaded, outermost first: a file that reappears here extends itself.
    private readonly List<(string FullPath, string Display)> _chain = [];

    /// <param name="display">How errors name the file: the path as the user gave it, or relative to the working directory.</param>
    /// <param name="referencedAt">The `extends` node that names this file, where a missing file is reported.</param>
    public MappingNode? LoadFile(string fullPath, string display, SourceLocation? referencedAt = null)
    {
        string text;
        try
        {
            text = ScenarioFileText.Read(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message;
            errors.Add(referencedAt is { } at
                ? at.Error($"extends: base scenario '{display}' cannot be read: {reason} (looked for {fullPath})")
                : new ScenarioError(display, 0, 0, $"cannot read scenario: {reason}"));
            return null;
        }
        _chain.Add((fullPath, display));
        try
        {
            return Resolve(YamlReader.Read(text, display, errors), display, Path.GetDirectoryName(fullPath)!);
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>YAML given as text (a resolved scenario handed to a grain); `extends` is relative to <paramref name="baseDirectory"/>.</summary>
    public MappingNode? LoadText(string text, string display, string baseDirectory) =>
        Resolve(YamlReader.Read(text, display, errors), display, baseDirectory);

    private MappingNode? Resolve(SourceNode? root, string display, string baseDirectory)
    {
        if (root == null) return null;
        if (root is not MappingNode mapping)
        {
            errors.Add(root.At.Error("a scenario must be a mapping of sections (run:, token:, rewards:, …), not a single value or a list"));
            return null;
        }
        if (mapping.Find(SweepKey) is { } sweep)
        {
            // The normal loader would call this an unknown key; say what the file is instead.
            var outermost = _chain.Count <= 1;
            if (outermost && AcceptSweep)
                Sweep = sweep;
            else
                errors.Add(sweep.Key.At.Error(outermost
                    ? "this is a sweep file (it has a top-level 'sweep:' section): `silo validate` expands and checks it; run it with `silo sweep` "
                        + "(or `silo tune`)"
                    : "sweep: a base scenario cannot hold a 'sweep:' section; only the file given to `silo sweep` may sweep"));
            mapping = mapping with { Entries = [.. mapping.Entries.Where(e => e != sweep)] };
        }
        if (mapping.Find(ExtendsKey) is not { } extends) return mapping;

        var own = mapping with { Entries = [.. mapping.Entries.Where(e => e != extends)] };
        if (extends.Value is not ScalarNode { IsNull: false } target)
        {
            errors.Add(extends.Value.At.Error("extends: expected the path of a base scenario file, e.g. extends: baseline.yaml"));
            return null;
        }
        if (target.Value.Any(char.IsControl)) // "\0" in a quoted path: Path would throw
        {
            errors.Add(target.At.Error("extends: the path contains a control character; name a base scenario file, e.g. extends: baseline.yaml"));
            return null;
        }
        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, target.Value));
        var baseDisplay = Path.IsPathRooted(display) ? fullPath : Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        var cycleStart = _chain.FindIndex(c => c.FullPath == fullPath);
        if (cycleStart >= 0)
        {
            var cycle = _chain.Skip(cycleStart).Select(c => c.Display).Append(baseDisplay);
            errors.Add(target.At.Error($"extends: cycle {string.Join(" → ", cycle)}"));
            return null;
        }
        var @base = LoadFile(fullPath, baseDisplay, target.At);
        return @base == null ? null : TreeMerge.Merge(@base, own);
    }
}
