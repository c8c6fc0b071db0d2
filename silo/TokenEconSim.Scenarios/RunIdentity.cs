using System.Security.Cryptography;
using System.Text;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Scenarios;

/// <summary>
/// A run's id: the first 12 hex digits of SHA-256 over the scenario's canonical text (<see cref="ScenarioWriter.ToCanonicalYaml"/>,
/// which holds the seed). A pure function of the resolved scenario and seed — the same on every engine, shard size and machine, and
/// the same for two runs of one scenario and seed (which are byte-identical anyway) — so the tables of many runs concatenate and
/// stay apart. metrics.csv, blocks.csv, agents.parquet and summary.json carry it (run_id). 48 bits: a collision is expected only
/// among some ten million distinct runs.
/// </summary>
public static class RunIdentity
{
    public const int HexDigits = 12;

    public static string Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ScenarioWriter.ToCanonicalYaml(scenario)));
        return Convert.ToHexStringLower(hash)[..HexDigits];
    }
}
