namespace TokenEconSim.Results;

/// <summary>What the CLI knows about a run before it starts: its identity and how it is executed.</summary>
/// <param name="Engine">How the run was executed (e.g. direct or orleans); never changes a result.</param>
/// <param name="AgentsPerGrain">Sharding; never changes a result.</param>
public sealed record RunInfo(string Name, long Seed, string ResolvedScenarioYaml, string Engine, int AgentsPerGrain, string Version)
{
    /// <summary>The run's id, a pure function of its scenario and seed (the run_id column of its tables).</summary>
    public string RunId { get; init; } = "";
}
