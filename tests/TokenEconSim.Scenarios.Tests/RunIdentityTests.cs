using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>
/// The run id (docs/model.md §15) and the outputs.agents keys: the id is a pure function of the scenario and seed, blind to sharding and
/// to which files are written; a bad outputs value is an error at its key.
/// </summary>
public class RunIdentityTests
{
    private static Scenario Load(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "s.yaml");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    [Fact]
    public void TheIdIsTwelveHexDigitsOfTheScenarioAndSeed()
    {
        var id = RunIdentity.Of(Load("run:\n  seed: 7\n"));
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.Equal(id, RunIdentity.Of(Load("run:\n  seed: 7\n")));
        Assert.Equal(id, RunIdentity.Of(Load(ScenarioWriter.ToYaml(Load("run:\n  seed: 7\n"), "a header changes nothing"))));
        Assert.NotEqual(id, RunIdentity.Of(Load("run:\n  seed: 8\n")));
        Assert.NotEqual(id, RunIdentity.Of(Load("run:\n  seed: 7\nrewards:\n  alpha: 0.5\n  beta: 0.25\n  gamma: 0.25\n")));
    }

    [Fact]
    public void KeysAtTheirDefaultNameNothingSoANewKeyChangesNoExistingId()
    {
        var id = RunIdentity.Of(Load("run:\n  seed: 7\n"));
        var defaults = new Scenario();

        // Writing a default out, or leaving it to the default, is the same economy.
        Assert.Equal(id, RunIdentity.Of(Load($"run:\n  seed: 7\ntoken:\n  emission_per_epoch: {defaults.Token.EmissionPerEpoch}\n")));
        Assert.NotEqual(id, RunIdentity.Of(Load($"run:\n  seed: 7\ntoken:\n  emission_per_epoch: {defaults.Token.EmissionPerEpoch + 1}\n")));
        Assert.Equal("run:\n  seed: 7\n", ScenarioWriter.ToCanonicalYaml(Load("run:\n  seed: 7\n")));
    }

    [Fact]
    public void ShardingAndOutputsChangeNoId()
    {
        var id = RunIdentity.Of(Load("run:\n  seed: 7\n"));
        Assert.Equal(id, RunIdentity.Of(Load("run:\n  seed: 7\n  agents_per_grain: 1\n")));
        Assert.Equal(id, RunIdentity.Of(Load("run:\n  seed: 7\noutputs:\n  charts: false\n  agents: every\n  agents_every: 5\n")));
        var canonical = ScenarioWriter.ToCanonicalYaml(Load("run:\n  seed: 7\n"));
        Assert.DoesNotContain("agents_per_grain", canonical);
        Assert.DoesNotContain("outputs", canonical);
        Assert.Contains("seed: 7", canonical);
    }

    [Fact]
    public void YumaKeysNameTheEconomyOnlyWhenScoringIsYuma()
    {
        var id = RunIdentity.Of(Load("run:\n  seed: 7\n"));
        Assert.Equal(id, RunIdentity.Of(Load("run:\n  seed: 7\nrewards:\n  scoring: raw\n  yuma:\n    kappa: 0.6\n")));
        Assert.DoesNotContain("yuma", ScenarioWriter.ToCanonicalYaml(Load("run:\n  seed: 7\n")));
        var yuma = RunIdentity.Of(Load("run:\n  seed: 7\nrewards:\n  scoring: yuma\n"));
        Assert.NotEqual(id, yuma);
        Assert.NotEqual(yuma, RunIdentity.Of(Load("run:\n  seed: 7\nrewards:\n  scoring: yuma\n  yuma:\n    kappa: 0.6\n")));
    }

    [Fact]
    public void NetworkKeysNameTheEconomyOnlyWhenTheNetworkIsOn()
    {
        var id = RunIdentity.Of(Load("run:\n  seed: 7\n"));
        Assert.Equal(id, RunIdentity.Of(Load("run:\n  seed: 7\nnetwork:\n  degree: 3\n  attacker:\n    strategy: selfish\n")));
        var on = RunIdentity.Of(Load("run:\n  seed: 7\nnetwork:\n  topology: uniform\n"));
        Assert.NotEqual(id, on);
        Assert.NotEqual(on, RunIdentity.Of(Load("run:\n  seed: 7\nnetwork:\n  topology: uniform\n  latency: 2\n")));
    }

    [Theory]
    [InlineData("outputs:\n  agents: sometimes", "outputs.agents: unknown value 'sometimes'", 2, 11)]
    [InlineData("outputs:\n  agents: every\n  agents_every: 0", "outputs.agents_every", 3, 17)]
    public void ABadOutputsValueIsAnErrorAtItsKey(string yaml, string message, int line, int column)
    {
        var error = Assert.Single(ScenarioLoader.LoadText(yaml, "s.yaml").Errors);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData(AgentsOutput.None, 1, new int[0])]
    [InlineData(AgentsOutput.Final, 1, new[] { 9 })]
    [InlineData(AgentsOutput.Every, 1, new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(AgentsOutput.Every, 4, new[] { 3, 7, 9 })]
    public void TheRecordedEpochs(AgentsOutput agents, int every, int[] epochs)
    {
        var outputs = new OutputsSection { Agents = agents, AgentsEvery = every };
        Assert.Equal(epochs, Enumerable.Range(0, 10).Where(e => outputs.RecordsAgents(e, 10)));
    }
}
