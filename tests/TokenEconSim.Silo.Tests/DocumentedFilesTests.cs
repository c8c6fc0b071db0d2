using System.Text.RegularExpressions;
using TokenEconSim.Results;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>The README's table of what a run writes names blocks.csv's columns as the writer writes them, in order.</summary>
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

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
