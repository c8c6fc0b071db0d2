namespace TokenEconSim.Results;

/// <summary>
/// The comment a run's scenario.yaml starts with: where the scenario came from and how to run it again.
/// Written by the run executor; read back by the dashboard to list a finished folder's scenario.
/// </summary>
public static class ResolvedScenarioHeader
{
    private const string Prefix = "Resolved from ";
    private const string Middle = " by TokenEconSim ";

    public static string For(string source, string version, long seed) =>
        $"{Prefix}{source}{Middle}{version}; seed {seed}. Re-run: silo run <this file>";

    /// <summary>The scenario named by a scenario.yaml's first line (<c># Resolved from … by …</c>), or null.</summary>
    public static string? Source(string? firstLine)
    {
        var line = firstLine?.TrimStart('#', ' ') ?? "";
        var end = line.LastIndexOf(Middle, StringComparison.Ordinal);
        return line.StartsWith(Prefix, StringComparison.Ordinal) && end > Prefix.Length ? line[Prefix.Length..end] : null;
    }
}
