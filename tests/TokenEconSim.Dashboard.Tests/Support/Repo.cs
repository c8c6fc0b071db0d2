namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test binaries to TokenEconSim.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>The `silo` apphost copied beside the tests by the project reference.</summary>
    public static string SiloExecutable => Path.Combine(AppContext.BaseDirectory, "silo");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TokenEconSim.sln"))) return dir.FullName;
        throw new InvalidOperationException($"TokenEconSim.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A fresh directory, removed afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dashboard-tests-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException) { }
    }
}

/// <summary>System tools some tests drive (installed by tests/infra/browser.sh); a test without its tool is skipped, saying which.</summary>
internal static class Tools
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => System.IO.Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public static string Require(string name) =>
        Find(name) ?? throw Xunit.Sdk.SkipException.ForSkip($"{name} is not installed (tests/infra/browser.sh installs it with apt)");
}
