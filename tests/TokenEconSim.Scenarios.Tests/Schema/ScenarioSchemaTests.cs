using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Schema;

namespace TokenEconSim.Scenarios.Tests.Schema;

public class ScenarioSchemaTests
{
    [Fact]
    public void SectionsAreTheSpecsInDeclarationOrder() =>
        Assert.Equal(["run", "token", "rewards", "learning", "consensus", "populations", "behaviour", "outputs", "governance", "market",
            "marketplace", "network"],
            ScenarioSchema.KeysOf(typeof(Scenario)).Select(k => k.Name));

    [Fact]
    public void InheritedPopulationKeysComeFirst() =>
        Assert.Equal(["count", "participation", "batch_size", "quality"],
            ScenarioSchema.KeysOf(typeof(DataProviderPopulation)).Select(k => k.Name));

    [Fact]
    public void LeavesAreDottedPaths()
    {
        var paths = ScenarioSchema.Leaves.Select(l => l.Path).ToList();
        Assert.Contains("populations.data_providers.batch_size", paths);
        Assert.Contains("rewards.c_gpu", paths);
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.DoesNotContain(paths, p => p is "run" or "populations" or "populations.users");
    }

    [Fact]
    public void EveryLeafTypeIsOneTheBinderReads()
    {
        // A Domain property of an unsupported type would make every load throw; catch it here.
        foreach (var leaf in ScenarioSchema.Leaves)
            Assert.True(TokenEconSim.Scenarios.Binding.ScalarParser.IsLeaf(Nullable.GetUnderlyingType(leaf.Key.Type) ?? leaf.Key.Type)
                || ScenarioSchema.IsList(leaf.Key.Type, out _), $"{leaf.Path} has unsupported type {leaf.Key.Type}");
    }

    [Fact]
    public void ConstraintTextDescribesRanges()
    {
        string Text(string path) => ScenarioSchema.ConstraintText(ScenarioSchema.Leaves.Single(l => l.Path == path).Key);
        Assert.Equal("1 … 10000000", Text("run.epochs"));
        Assert.Equal("> 0", Text("run.epoch_length"));
        Assert.Equal("samples in [0, 1]", Text("populations.data_providers.quality"));
        Assert.Equal("samples ≥ 0", Text("populations.users.calls"));
        Assert.Equal("pool, absolute, shares", Text("rewards.mode"));
        Assert.Equal("any", Text("run.seed"));
    }
}
