using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios;

namespace TokenEconSim.Silo.Tests.Support;

/// <summary>`--set` arguments that keep runs small enough for tests.</summary>
internal static class Populations
{
    /// <summary>A 104-agent economy: enough of every role for PBFT and PoW, fast on either engine.</summary>
    public static string[] Small { get; } =
    [
        "--set", "populations.data_providers.count=40",
        "--set", "populations.trainers.count=20",
        "--set", "populations.users.count=30",
        "--set", "populations.validators.count=7",
        "--set", "populations.miners.count=7",
    ];

    /// <summary>
    /// For a scenario file: `--set populations.&lt;role&gt;.count=max` for every role above <paramref name="max"/>.
    /// Roles are found by reflection (every PopulationBase in PopulationsSection), so a new role is covered too.
    /// </summary>
    public static string[] CapEachRole(string scenarioPath, int max)
    {
        var loaded = ScenarioLoader.LoadFile(scenarioPath);
        Assert.True(loaded.Success, $"{scenarioPath} does not load: {string.Join("; ", loaded.Errors)}");
        var args = new List<string>();
        foreach (var property in typeof(PopulationsSection).GetProperties())
        {
            if (property.GetValue(loaded.Scenario.Populations) is not PopulationBase population) continue;
            if (population.Count > max)
                args.AddRange(["--set", $"populations.{Naming.ToSnakeCase(property.Name)}.count={max}"]);
        }
        return [.. args];
    }
}
