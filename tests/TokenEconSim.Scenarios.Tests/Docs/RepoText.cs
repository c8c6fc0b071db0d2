using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// The repository's own text files (code, docs, scenarios, scripts, build files), found on disk so
/// the check also works on a copy without .git: build output, dependencies and run results are left
/// out, as .gitignore leaves them out.
/// </summary>
internal static class RepoText
{
    private static readonly HashSet<string> Extensions =
        [".cs", ".md", ".yaml", ".yml", ".json", ".props", ".csproj", ".sln", ".sh", ".js", ".html", ".css", ".sql", ".xml", ".config"];

    private static readonly HashSet<string> SkippedFolders =
        ["bin", "obj", "node_modules", "vendor", "runs", "sweeps", "compare", "TestResults", ".git", ".vs", ".idea"];

    /// <summary>Scripts without an extension (tests/run, .ci/run) and the Dockerfiles are text too.</summary>
    private static readonly HashSet<string> ExtensionlessNames = ["run", "Dockerfile"];

    public static IEnumerable<string> Files() => Under(RepoRoot.Path);

    public static IEnumerable<string> Markdown() => Files().Where(f => f.EndsWith(".md", StringComparison.Ordinal));

    /// <summary>Each line with "path:line" for messages (path relative to the repository).</summary>
    public static IEnumerable<(string Where, string Text)> Lines(string file) =>
        File.ReadLines(file).Select((text, i) => ($"{Relative(file)}:{i + 1}", text));

    public static string Relative(string file) => Path.GetRelativePath(RepoRoot.Path, file).Replace('\\', '/');

    private static IEnumerable<string> Under(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (Extensions.Contains(Path.GetExtension(name)) || ExtensionlessNames.Contains(name)) yield return file;
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (SkippedFolders.Contains(name) || (name.StartsWith('.') && name != ".ci" && name != ".config")) continue;
            foreach (var file in Under(sub)) yield return file;
        }
    }
}
