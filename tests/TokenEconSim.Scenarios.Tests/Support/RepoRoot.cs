namespace TokenEconSim.Scenarios.Tests.Support;

public static class RepoRoot
{
    /// <summary>The folder holding TokenEconSim.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TokenEconSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"TokenEconSim.sln not found above {AppContext.BaseDirectory}");
    }

    public static string Scenarios => System.IO.Path.Combine(Path, "scenarios");
}
