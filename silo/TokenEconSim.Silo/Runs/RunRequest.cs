using TokenEconSim.Silo.Engines;

namespace TokenEconSim.Silo.Runs;

/// <summary>Everything `silo run` was asked to do.</summary>
public sealed record RunRequest(
    string ScenarioPath,
    IReadOnlyList<KeyValuePair<string, string>> Overrides,
    string OutputParent,
    EngineKind Engine,
    bool ShowProgress = true);
