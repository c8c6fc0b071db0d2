using System.Text.RegularExpressions;

namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// Test names follow one style: a PascalCase sentence without underscores
/// (EveryDifficultyAlgorithmNameParsesBackToItsKind), so a filter, a failure list and a grep read the same way in every test project.
/// </summary>
public sealed partial class TestNameTests
{
    [Fact]
    public void EveryTestMethodIsNamedInPascalCase()
    {
        var tests = TestMethods().ToList();
        var wrong = tests.Where(t => !PascalCase().IsMatch(t.Name)).Select(t => $"{t.Where}: {t.Name}").ToList();
        Assert.True(wrong.Count == 0, "name these tests in PascalCase without underscores:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheScanFindsTheTestsOfEveryTestProject()
    {
        var projects = TestMethods().Select(t => t.Where.Split('/')[1]).ToHashSet();
        var expected = Directory.GetDirectories(Path.Combine(Support.RepoRoot.Path, "tests"), "*.Tests").Select(Path.GetFileName);
        Assert.Empty(expected.Except(projects));
    }

    [Fact]
    public void TheChecksRecogniseTestMethodsAndTheStyle()
    {
        const string source = """
            [Fact]
            public void ARunNameTooLongIsRefused() { }

            [Theory]
            [InlineData(1)]
            public async Task A_signal_mid_run_exits_1(int x) { }

            [Fact(Timeout = 1000)] public static void Inline() { }
            """;
        Assert.Equal(["ARunNameTooLongIsRefused", "A_signal_mid_run_exits_1", "Inline"],
            TestDeclaration().Matches(source).Select(m => m.Groups["name"].Value));
        Assert.Matches(PascalCase(), "EveryDifficultyAlgorithmNameParsesBackToItsKind");
        Assert.Matches(PascalCase(), "Exits2WhenTheFileIsMissing");
        Assert.DoesNotMatch(PascalCase(), "A_signal_mid_run_exits_1");
        Assert.DoesNotMatch(PascalCase(), "aRunThatStarts");
    }

    private static IEnumerable<(string Where, string Name)> TestMethods() =>
        LineLengthTests.CSharpFiles()
            .Where(f => RepoText.Relative(f).StartsWith("tests/", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != $"{nameof(TestNameTests)}.cs") // its own samples break the rule on purpose
            .SelectMany(f => TestDeclaration().Matches(File.ReadAllText(f)).Select(m => (RepoText.Relative(f), m.Groups["name"].Value)));

    /// <summary>A [Fact] or [Theory] attribute, any further attributes, then the method's modifiers, return type and name.</summary>
    [GeneratedRegex(@"\[(?:Fact|Theory)\b[^\]]*\](?:\s*\[[^\]]*\])*\s*"
        + @"(?:(?:public|private|internal|static|async)\s+)*[\w<>\[\],.?]+\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestDeclaration();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
