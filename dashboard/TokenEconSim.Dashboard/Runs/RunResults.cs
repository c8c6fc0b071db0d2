using TokenEconSim.Results;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>
/// A finished run's key results, as the pages list them beside the run (final supply, Gini, accuracy …): the
/// sweeps' main metrics (<see cref="SummaryMetrics.Main"/>) read from its summary.json, those it defines.
/// </summary>
public static class RunResults
{
    /// <exception cref="System.Text.Json.JsonException">summary.json is not JSON.</exception>
    public static IReadOnlyDictionary<string, double> Read(string folder)
    {
        var cells = SummaryMetrics.Read(Path.Combine(folder, RunFiles.Summary), SummaryMetrics.Main);
        var results = new Dictionary<string, double>();
        for (var i = 0; i < cells.Length; i++)
            if (SummaryMetrics.Value(cells[i]) is var v && double.IsFinite(v)) results[SummaryMetrics.Main[i]] = v;
        return results;
    }

    /// <summary>The scenario a finished folder's scenario.yaml says it was resolved from, or null.</summary>
    public static string? Scenario(string folder)
    {
        var path = Path.Combine(folder, RunFiles.Scenario);
        if (!File.Exists(path)) return null;
        using var reader = new StreamReader(path);
        return ResolvedScenarioHeader.Source(reader.ReadLine());
    }
}
