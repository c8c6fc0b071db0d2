namespace TokenEconSim.Scenarios.Tests.Docs;

/// <summary>
/// No C# line is longer than .editorconfig's max_line_length (150): Roslyn does not enforce it, so this does.
/// Generated files (obj/) are not scanned.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLineLength = 150;

    [Fact]
    public void NoCSharpLineIsLongerThanTheLimit()
    {
        var tooLong = CSharpFiles()
            .SelectMany(f => RepoText.Lines(f).Where(l => l.Text.Length > MaxLineLength).Select(l => $"{l.Where} ({l.Text.Length})"))
            .ToList();
        Assert.True(tooLong.Count == 0, $"wrap these lines to at most {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void TheLimitIsTheOneEditorconfigDocuments()
    {
        var editorconfig = File.ReadAllLines(Path.Combine(Support.RepoRoot.Path, ".editorconfig"));
        Assert.Contains($"max_line_length = {MaxLineLength}", editorconfig);
    }

    internal static IEnumerable<string> CSharpFiles() => RepoText.Files().Where(f => f.EndsWith(".cs", StringComparison.Ordinal));
}
