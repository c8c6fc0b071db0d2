using System.Text.RegularExpressions;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// The repository is its own specification: docs/model.md is the specification of record, and a
/// citation names one of its sections or a formula's primary source, never a document that is not
/// in the repository (a product spec, an issue tracker). These tests keep every citation pointing
/// at something a reader of a clone can open.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string ModelPath = Path.Combine(RepoRoot.Path, "docs", "model.md");

    [Fact]
    public void NoFileCitesTheProductSpecOrAnIssueNumber()
    {
        var found = RepoText.Files()
            .Where(f => Path.GetFileName(f) != $"{nameof(CitationTests)}.cs")
            .SelectMany(f => RepoText.Lines(f)
                .Where(l => ForeignCitation().IsMatch(l.Text))
                .Select(l => $"{l.Where}: {ForeignCitation().Match(l.Text).Value}"))
            .ToList();
        Assert.True(found.Count == 0, "cite docs/model.md §n or a primary source instead:\n" + string.Join("\n", found));
    }

    [Fact]
    public void EveryModelSectionCitedAnywhereExists()
    {
        var sections = ModelSections();
        var missing = RepoText.Files()
            .SelectMany(f => RepoText.Lines(f).SelectMany(l => ModelCitation().Matches(l.Text)
                .SelectMany(m => CitedNumbers(m))
                .Where(n => !sections.Contains(n))
                .Select(n => $"{l.Where}: docs/model.md §{n}")))
            .ToList();
        Assert.True(missing.Count == 0, "docs/model.md has no such section:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EverySectionModelMdRefersToWithinItselfExists()
    {
        var sections = ModelSections();
        var missing = RepoText.Lines(ModelPath)
            .SelectMany(l => BareSection().Matches(l.Text)
                .Where(m => !CitesAnotherSource(l.Text, m.Index))
                .SelectMany(m => CitedNumbers(m))
                .Where(n => !sections.Contains(n))
                .Select(n => $"{l.Where}: §{n}"))
            .ToList();
        Assert.True(missing.Count == 0, "docs/model.md refers to sections it does not have:\n" + string.Join("\n", missing));
    }

    private const string Spec = "SPEC", Issue = "issue";

    [Fact]
    public void TheChecksRecogniseWhatTheyForbidAndAllow()
    {
        // The forbidden forms are assembled here, so that a plain search of the repository for them finds none.
        Assert.Matches(ForeignCitation(), "as " + Spec + " §4 says");
        Assert.Matches(ForeignCitation(), "the bench economy (" + Issue + " 9)");
        Assert.Matches(ForeignCitation(), "see " + char.ToUpperInvariant(Issue[0]) + Issue[1..] + " #12");
        Assert.DoesNotMatch(ForeignCitation(), "SPECIAL, INDIRECT damages; an issue with 3 causes");
        Assert.Equal(["12", "13"], CitedNumbers(ModelCitation().Match("docs/model.md §12–§13 hold")));
        Assert.Equal(["4.3", "4.4"], CitedNumbers(ModelCitation().Match("(docs/model.md §4.3–4.4)")));
        Assert.True(CitesAnotherSource("(the paper §4.2)", "(the paper ".Length));
        Assert.True(CitesAnotherSource("(Uniswap v2 Core, 2020, §3.2.1)", "(Uniswap v2 Core, 2020, ".Length));
        Assert.False(CitesAnotherSource("(§4.4, §4.8)", "(§4.4, ".Length));
    }

    [Fact]
    public void TheScanCoversCodeDocsScenariosScriptsAndBuildFiles()
    {
        var files = RepoText.Files().Select(RepoText.Relative).ToHashSet();
        string[] expected = ["README.md", "docs/model.md", "scenarios/baseline.yaml", "tests/run", ".ci/run",
            "Directory.Packages.props", "silo/TokenEconSim.Silo/Cli/ExitCodes.cs", "docker-compose.yml"];
        Assert.Empty(expected.Except(files));
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    /// <summary>The numbers of docs/model.md's headings: "## 4. Consensus" is 4, "### 4.10 …" is 4.10.</summary>
    internal static HashSet<string> ModelSections() =>
        [.. File.ReadLines(ModelPath).Select(l => SectionHeading().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    /// <summary>Each section a citation names, both ends of a range included.</summary>
    private static string[] CitedNumbers(Match m) =>
        [.. new[] { m.Groups["first"], m.Groups["last"] }.Where(g => g.Success).Select(g => g.Value)];

    /// <summary>"paper §4.2", "PBFT §4.4", "Core, 2020, §3.2.1": a section of another source, not of model.md.</summary>
    private static bool CitesAnotherSource(string line, int index)
    {
        var before = line[..index].TrimEnd();
        return before.EndsWith("paper", StringComparison.Ordinal) || before.EndsWith("PBFT", StringComparison.Ordinal)
            || YearAndComma().IsMatch(before) || before.EndsWith("SEC 1", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bSPEC\b|\b[Ii]ssues?\s+#?\d+")]
    private static partial Regex ForeignCitation();

    [GeneratedRegex(@"model\.md\s+§(?<first>\d+(?:\.\d+)*)(?:\s*[–-]\s*§?(?<last>\d+(?:\.\d+)*))?")]
    private static partial Regex ModelCitation();

    [GeneratedRegex(@"(?<!model\.md\s)§(?<first>\d+(?:\.\d+)*)(?:\s*[–-]\s*§?(?<last>\d+(?:\.\d+)*))?")]
    private static partial Regex BareSection();

    [GeneratedRegex(@"\b(19|20)\d\d,$")]
    private static partial Regex YearAndComma();

    [GeneratedRegex(@"^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s")]
    private static partial Regex SectionHeading();
}
