using System.Text.RegularExpressions;
using TokenEconSim.Results;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// What the README promises of files and builds: blocks.csv's columns as the writer writes them, in order; every
/// `dotnet run --project` of the docs and the test script on one configuration (Release), so following them builds once.
/// </summary>
public sealed partial class DocumentedFilesTests
{
    [Fact]
    public void TheReadmeNamesBlocksCsvsColumnsAsWritten()
    {
        var row = File.ReadLines(Path.Combine(Repo.Root, "README.md")).Single(l => l.StartsWith("| `blocks.csv` |", StringComparison.Ordinal));
        var description = row.Split('|')[2];
        // The columns are the code spans outside parentheses (inside them: what a column holds, e.g. `00000000`).
        var named = Code().Matches(Parenthesised().Replace(description, "")).Select(m => m.Groups[1].Value);
        Assert.Equal(BlocksCsvWriter.Header.Split(','), named);
        Assert.Contains($"columns `{BlocksCsvWriter.Header}`", File.ReadAllText(Path.Combine(Repo.Root, "docs", "model.md")));
    }

    [Fact]
    public void EveryDocumentedDotnetRunAndTheTestScriptUseTheReleaseBuild()
    {
        var docs = new[] { "README.md", "dashboard/README.md", "python/README.md", "scenarios/README.md" }.Select(p => Path.Combine(Repo.Root, p))
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md"));
        var runs = docs.SelectMany(f => File.ReadLines(f).Select((text, i) => (Where: $"{Path.GetRelativePath(Repo.Root, f)}:{i + 1}", text)))
            .Where(l => DotnetRun().IsMatch(l.text)).ToList();
        Assert.Contains(runs, l => l.Where.StartsWith("README.md:", StringComparison.Ordinal)); // the scan sees the set-up command
        var debug = runs.Where(l => !l.text.Contains("-c Release", StringComparison.Ordinal)).Select(l => $"{l.Where}: {l.text.Trim()}").ToList();
        Assert.True(debug.Count == 0, "a Debug build beside the README's Release one:\n" + string.Join("\n", debug));
        Assert.Contains("dotnet test --solution TokenEconSim.sln -c Release", File.ReadAllText(Path.Combine(Repo.Root, "tests", "run")));
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    /// <summary>A `dotnet run` of the silo (prose that only names `dotnet run` or its options does not name the project).</summary>
    [GeneratedRegex(@"dotnet run\b.*--project silo/")]
    private static partial Regex DotnetRun();
}
