namespace TokenEconSim.Silo.Tests.Support;

internal static class CliAssert
{
    /// <summary>docs/model.md §16, the CLI's promise: bad input is one readable message, never a stack trace.</summary>
    public static void NoStackTrace(CliResult result)
    {
        foreach (var text in new[] { result.Out, result.Err })
        {
            Assert.False(text.Contains("   at ", StringComparison.Ordinal), $"stack trace printed:\n{result}");
            Assert.False(text.Contains("Exception", StringComparison.Ordinal), $"exception text printed:\n{result}");
        }
    }

    public static void Exit(int expected, CliResult result) =>
        Assert.True(result.ExitCode == expected, $"expected exit {expected}, got:\n{result}");

    /// <summary>The folder does not exist or holds nothing at all (hidden temporary folders included).</summary>
    public static void NothingWritten(string directory)
    {
        if (!Directory.Exists(directory)) return;
        var entries = Directory.GetFileSystemEntries(directory);
        Assert.True(entries.Length == 0, $"{directory} should be empty but holds: {string.Join(", ", entries.Select(Path.GetFileName))}");
    }
}
