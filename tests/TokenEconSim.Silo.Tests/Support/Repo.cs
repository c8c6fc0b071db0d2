namespace TokenEconSim.Silo.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test binaries to TokenEconSim.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Scenario(string fileName) => Path.Combine(Scenarios, fileName);

    /// <summary>The `silo` apphost copied beside the tests by the project reference (for out-of-process runs).</summary>
    public static string SiloExecutable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "silo.exe" : "silo");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TokenEconSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"TokenEconSim.sln not found above {AppContext.BaseDirectory}");
    }
}
