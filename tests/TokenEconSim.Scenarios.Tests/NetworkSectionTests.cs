using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>network: off by default, bound, validated with file:line:column (docs/model.md §19.6).</summary>
public class NetworkSectionTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ScenarioLoadResult Load(string yaml) => ScenarioLoader.LoadFile(_dir.Write("s.yaml", yaml));

    [Fact]
    public void TheNetworkIsOffByDefault()
    {
        var s = new Scenario();
        Assert.False(s.Network.Enabled);
        Assert.Equal((AttackStrategy.None, 6), (s.Network.Attacker.Strategy, s.Network.Confirmations));
    }

    [Fact]
    public void TheSectionBinds()
    {
        var result = Load("""
            network:
              topology: random
              relay_nodes: 20
              degree: 4
              block_size_bytes: 2000000
              validation_ms: 50
              attacker:
                strategy: double_spend
                share: 0.3
                confirmations: 2
                give_up: 30
            """);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var n = result.Scenario!.Network;
        Assert.Equal((NetworkTopologyKind.Random, 20, 4, 2_000_000L, 50.0), (n.Topology, n.RelayNodes, n.Degree, n.BlockSizeBytes, n.ValidationMs));
        Assert.Equal((AttackStrategy.DoubleSpend, 0.3, 2, 30), (n.Attacker.Strategy, n.Attacker.Share, n.Attacker.Confirmations, n.Attacker.GiveUp));
        Assert.Equal(25, n.NodeCount(5));
    }

    [Theory]
    [InlineData("network:\n  topology: random\n  degree: 12\npopulations:\n  miners:\n    count: 5\n", 3, 11,
        "network.degree: 12 peers per node, but the graph has 12 nodes (5 miners and 7 relays)")]
    [InlineData("network:\n  topology: regions\n  relay_nodes: 0\n  degree: 5\npopulations:\n  miners:\n    count: 5\n", 4, 11,
        "network.degree: 5 peers per node, but the graph has 5 nodes")]
    [InlineData("network:\n  latency: -1\n", 2, 12, "network.latency: -1 is out of range")]
    [InlineData("network:\n  block_size_bytes: -5\n", 2, 21, "network.block_size_bytes: -5 is out of range")]
    [InlineData("network:\n  attacker:\n    strategy: stubborn\n", 3, 15, "stubborn")]
    [InlineData("network:\n  topology: mesh\n", 2, 13, "mesh")]
    [InlineData("network:\n  topology: uniform\nconsensus:\n  kind: pos\n", 2, 13, "relays proof-of-work blocks; consensus.kind is pos")]
    [InlineData("network:\n  topology: uniform\nconsensus:\n  difficulty:\n    algorithm: lstm\n", 2, 13, "forecasts")]
    [InlineData("network:\n  topology: uniform\nconsensus:\n  block_timing: fixed\n", 2, 13, "block_timing poisson")]
    [InlineData("network:\n  topology: uniform\n  attacker:\n    strategy: selfish\npopulations:\n  miners:\n    count: 1\n", 7, 12,
        "needs honest miners beside its pool")]
    public void BadValuesAreErrorsAtTheirKey(string yaml, int line, int column, string message)
    {
        var errors = Load(yaml.Replace("degree: 12", "degree: 12\n  relay_nodes: 7", StringComparison.Ordinal)).Errors;
        var error = Assert.Single(errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void TheNetworkKeysAreNotReadWhileItIsOff()
    {
        // An attacker without a topology changes nothing and needs nothing: no miners, PoS, any degree.
        var result = Load("network:\n  degree: 500\n  attacker:\n    strategy: selfish\nconsensus:\n  kind: pos\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }
}
