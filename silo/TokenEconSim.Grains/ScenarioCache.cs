using System.Collections.Concurrent;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Grains;

/// <summary>
/// One parsed scenario per run per silo: a run with a million agent grains parses its YAML once
/// on each silo, not once per grain. Entries are keyed by run id and checked against the text.
/// </summary>
public sealed class ScenarioCache
{
    private const int Capacity = 256;
    private readonly ConcurrentDictionary<string, (string Text, Lazy<RunModel> Model)> _entries = new();

    public RunModel Get(string runId, string resolvedScenario)
    {
        if (_entries.Count > Capacity) _entries.Clear(); // finished runs are not tracked; a bound keeps sweeps from growing memory
        var entry = _entries.GetOrAdd(runId, _ => (resolvedScenario, new Lazy<RunModel>(() => Parse(runId, resolvedScenario))));
        if (!string.Equals(entry.Text, resolvedScenario, StringComparison.Ordinal))
            throw new InvalidOperationException($"run '{runId}' was started with a different scenario");
        return entry.Model.Value;
    }

    public void Forget(string runId) => _entries.TryRemove(runId, out _);

    private static RunModel Parse(string runId, string text)
    {
        var result = ScenarioLoader.LoadText(text, $"<run {runId}>");
        if (!result.Success)
            throw new ArgumentException($"resolved scenario of run '{runId}' is invalid: {string.Join("; ", result.Errors)}");
        return new RunModel(result.Scenario!);
    }
}
