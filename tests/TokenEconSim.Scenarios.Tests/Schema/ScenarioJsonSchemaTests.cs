using System.Text.Json.Nodes;
using Json.Schema;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Schema;

/// <summary>
/// scenarios/scenario.schema.json: generated from the loader's own definitions, committed as generated, and checked with an independent
/// validator (JsonSchema.Net): every shipped file passes, an unknown key or a wrong type fails.
/// </summary>
public class ScenarioJsonSchemaTests
{
    private const string Regenerate = "dotnet run --project silo/TokenEconSim.Silo -- schema --out scenarios/scenario.schema.json";

    private static readonly string CommittedPath = Path.Combine(RepoRoot.Scenarios, ScenarioJsonSchema.FileName);
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(CommittedPath));

    public static TheoryData<string> Shipped() => [.. Directory.GetFiles(RepoRoot.Scenarios, "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void TheCommittedSchemaIsWhatTheCodeGenerates() =>
        Assert.True(File.ReadAllText(CommittedPath) == ScenarioJsonSchema.Generate(),
            $"scenarios/{ScenarioJsonSchema.FileName} is not what the code generates; regenerate it: {Regenerate}");

    [Theory]
    [MemberData(nameof(Shipped))]
    public void EveryShippedScenarioPassesTheSchema(string file)
    {
        var errors = Errors(File.ReadAllText(Path.Combine(RepoRoot.Scenarios, file)));
        Assert.True(errors.Count == 0, $"{file}:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [InlineData("run:\n  epohcs: 10\n", "/run/epohcs")]
    [InlineData("rewards:\n  alpha: 0.5\n  delta: 0.1\n", "/rewards/delta")]
    [InlineData("populations:\n  miners:\n    count: 3\n    hash_rate: 5\n", "/populations/miners/hash_rate")]
    [InlineData("colour: blue\n", "/colour")]
    [InlineData("sweep:\n  seeds: 3\n  sedes: 4\n", "/sweep/sedes")]
    public void AnUnknownKeyFails(string yaml, string where) =>
        Assert.Contains(Errors(yaml), e => e.StartsWith($"{where}:", StringComparison.Ordinal));

    [Theory]
    [InlineData("run:\n  epochs: ten\n", "/run/epochs")]
    [InlineData("run:\n  epochs: 0\n", "/run/epochs")]                       // below its range
    [InlineData("run:\n  epochs: 2.5\n", "/run/epochs")]
    [InlineData("rewards:\n  mode: pools\n", "/rewards/mode")]               // not one of the enum's values
    [InlineData("outputs:\n  charts: 1\n", "/outputs/charts")]
    [InlineData("populations:\n  data_providers:\n    quality: 0.8\n", "/populations/data_providers/quality")]  // a number for a distribution
    [InlineData("run:\n  agents_per_grain: some\n", "/run/agents_per_grain")]
    [InlineData("run: [1, 2]\n", "/run")]
    [InlineData("sweep:\n  parameters:\n    run.seed: [1, 2]\n", "/sweep/parameters/run.seed")]  // the seed is swept with sweep.seeds
    public void AWrongTypeOrValueFails(string yaml, string where) =>
        Assert.Contains(Errors(yaml), e => e.StartsWith($"{where}:", StringComparison.Ordinal));

    [Fact]
    public void EveryKeyOfTheModelHasATypeADescriptionAndADefault()
    {
        var root = JsonNode.Parse(ScenarioJsonSchema.Generate())!;
        foreach (var leaf in ScenarioSchema.Leaves)
        {
            var node = leaf.Path.Split('.').Aggregate(root, (n, name) => n["properties"]?[name] ?? throw new Xunit.Sdk.XunitException(
                $"{leaf.Path} is not in the schema"));
            Assert.True(node["type"] is not null || node["anyOf"] is not null, $"{leaf.Path} has no type");
            Assert.False(string.IsNullOrWhiteSpace(node["description"]?.GetValue<string>()), $"{leaf.Path} has no description");
            Assert.True(node.AsObject().ContainsKey("default"), $"{leaf.Path} has no default");
        }
    }

    /// <summary>A default the schema states is one the loader accepts: a scenario of every default passes the schema.</summary>
    [Fact]
    public void TheResolvedDefaultScenarioPassesTheSchema()
    {
        var yaml = ScenarioWriter.ToYaml(new Domain.Parameters.Scenario());
        Assert.True(ScenarioLoader.LoadText(yaml, "defaults.yaml").Success);
        Assert.Empty(Errors(yaml));
    }

    [Fact]
    public void TheHeaderTheReadmeShowsNamesTheSchemaFile() =>
        Assert.Contains($"# yaml-language-server: $schema={ScenarioJsonSchema.FileName}",
            File.ReadAllText(Path.Combine(RepoRoot.Scenarios, "README.md")));

    /// <summary>"instance location: message" per failed check, or none.</summary>
    private static List<string> Errors(string yaml)
    {
        var results = Schema.Evaluate(YamlAsJson.Parse(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
