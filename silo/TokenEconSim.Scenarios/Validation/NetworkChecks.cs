using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Validation;

/// <summary>
/// Cross-field rules of the network section (docs/model.md §19.6), checked only when it is on: the network carries proof-of-work blocks
/// drawn as a Poisson process on a difficulty read from each branch, so it needs sampled PoW with poisson timing, a difficulty algorithm
/// without a forecaster (the forecaster reads one linear chain) and no greedy miners; a graph needs two nodes and a degree below the
/// node count; an attacker needs honest miners beside it. Errors point at the written key.
/// </summary>
internal static class NetworkChecks
{
    public static void Check(Scenario s, MappingNode root, ISet<string> failed, List<ScenarioError> errors)
    {
        var n = s.Network;
        if (failed.Contains("network.topology") || !n.Enabled) return;
        var at = root.Locate("network", "topology");
        var topology = Key(n.Topology);
        var c = s.Consensus;
        if (!failed.Contains("consensus.kind") && c.Kind != ConsensusKind.Pow)
            errors.Add(at.Error($"network.topology: {topology} relays proof-of-work blocks; consensus.kind is {Key(c.Kind)}"));
        if (!failed.Contains("consensus.hashing") && c.Hashing != HashingMode.Sampled)
            errors.Add(at.Error($"network.topology: {topology} draws block times (sampled hashing); consensus.hashing is {Key(c.Hashing)}"));
        if (!failed.Contains("consensus.block_timing") && c.BlockTiming != BlockTiming.Poisson)
            errors.Add(at.Error($"network.topology: {topology} needs consensus.block_timing poisson; it is {Key(c.BlockTiming)}"));
        if (!failed.Contains("consensus.difficulty.algorithm") && c.Difficulty.Algorithm.Forecasts())
            errors.Add(at.Error($"network.topology: {topology} reads difficulty on each block's branch, which a hashrate forecaster does not "
                + $"follow; consensus.difficulty.algorithm {Naming.Of(c.Difficulty.Algorithm)} forecasts (use fixed, "
                + "bitcoin, asert or ethereum)"));
        if (!failed.Contains("populations.miners.greedy_fraction") && s.Populations.Miners.GreedyFraction > 0)
            errors.Add(at.Error($"network.topology: {topology} runs without greedy miners; populations.miners.greedy_fraction is "
                + $"{s.Populations.Miners.GreedyFraction}"));
        if (failed.Overlaps(["populations.miners.count", "network.relay_nodes", "network.degree"])) return;
        var miners = PopulationBehaviour.Hosted(s.Behaviour, Role.Miner, s.Populations.Miners.Count);
        var attacker = !failed.Contains("network.attacker.strategy") && n.Attacker.Strategy != AttackStrategy.None;
        if (miners < (attacker ? 2 : 1))
            errors.Add(root.Locate("populations", "miners", "count").Error(attacker
                ? $"populations.miners.count: network.attacker needs honest miners beside its pool (the first miner); there are {miners}"
                : $"populations.miners.count: network.topology {topology} needs at least one miner; there are {miners}"));
        if (n.Topology is not (NetworkTopologyKind.Random or NetworkTopologyKind.Regions)) return;
        var nodes = (long)miners + n.RelayNodes;
        if (nodes < 2)
            errors.Add(root.Locate("network", "relay_nodes").Error($"network.relay_nodes: a {topology} graph needs at least two nodes; "
                + $"{miners} miners and {n.RelayNodes} relays make {nodes}"));
        else if (n.Degree >= nodes)
            errors.Add(root.Locate("network", "degree").Error($"network.degree: {n.Degree} peers per node, but the graph has {nodes} nodes "
                + $"({miners} miners and {n.RelayNodes} relays); keep degree below the node count"));
    }

    private static string Key<T>(T value) where T : struct, Enum => Naming.Of(value);
}
