namespace TokenEconSim.Scenarios.Schema;

/// <summary>
/// The meaning of each key, as scenarios/README.md documents it (the last cell of the key's table row; ReadmeTests keep every key's
/// row there and its type, default and range the model's own). The README is built into this assembly, so `silo schema` gives the same
/// descriptions wherever it runs.
/// </summary>
internal sealed class KeyDocs
{
    private const string Resource = "scenarios/README.md";
    private const string SweepHeading = "## Sweep files";

    private readonly Dictionary<string, string> _scenario = [];
    private readonly Dictionary<string, string> _sweep = [];

    private KeyDocs(string readme)
    {
        var inSweep = false;
        foreach (var line in readme.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) inSweep = line.StartsWith(SweepHeading, StringComparison.Ordinal);
            if (!line.StartsWith("| `", StringComparison.Ordinal)) continue;
            var cells = Cells(line);
            if (cells.Count != 5) continue;
            (inSweep ? _sweep : _scenario).TryAdd(cells[0].Trim('`'), cells[4]);
        }
    }

    public static KeyDocs Shipped { get; } = new(ReadResource());

    /// <summary>The meaning of a scenario key by its dotted path.</summary>
    public string Scenario(string path) => _scenario.TryGetValue(path, out var meaning) ? meaning
        : throw new InvalidOperationException($"scenarios/README.md has no table row for `{path}`: document the key there");

    /// <summary>The meaning of a key of a sweep file's `sweep:` section (its table names keys without their section).</summary>
    public string? Sweep(string key) => _sweep.GetValueOrDefault(key);

    /// <summary>A Markdown table row's cells; "\|" is a | inside a cell.</summary>
    private static List<string> Cells(string line) =>
        [.. line.Trim().Trim('|').Replace("\\|", "\u0000", StringComparison.Ordinal).Split('|')
            .Select(c => c.Trim().Replace("\u0000", "|", StringComparison.Ordinal))];

    private static string ReadResource()
    {
        using var stream = typeof(KeyDocs).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is not built into {typeof(KeyDocs).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
