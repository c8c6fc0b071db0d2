using TokenEconSim.Domain.Consensus.Finality;
using TokenEconSim.Domain.Consensus.Production;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus;

/// <summary>Composes a run's consensus from its scenario: block production by kind, finality by rule.</summary>
public static class ConsensusFactory
{
    public static ChainConsensus Create(Scenario scenario) => Create(scenario, ConsensusHosts.Local);

    public static ChainConsensus Create(Scenario scenario, ConsensusHosts hosts)
    {
        var c = scenario.Consensus;
        var epochLength = scenario.Run.EpochLength;
        IBlockProducer producer = c.Kind switch
        {
            ConsensusKind.Pos => new PosProducer(c, epochLength),
            ConsensusKind.Dpos => new DposProducer(c, epochLength),
            _ when scenario.Network.Enabled => Networked(scenario),
            _ => new PowProducer(c, hosts.Miners, hosts.Chain, Greedy(scenario.Populations.Miners), hosts.LstmPredictor),
        };
        IFinality finality = c.Finality == FinalityKind.Pbft ? new PbftFinality(c.Pbft, hosts.Validators) : new VoteFinality();
        return new ChainConsensus(producer, finality);
    }

    /// <summary>Proof of work over the peer-to-peer network: one network miner per miner agent (latent ones included).</summary>
    private static NetworkPowProducer Networked(Scenario scenario)
    {
        var layout = new Agents.PopulationLayout(scenario.Populations, scenario.Behaviour);
        return new NetworkPowProducer(scenario.Consensus, scenario.Network, layout.Start(Agents.Role.Miner), layout.CountOf(Agents.Role.Miner));
    }

    private static GreedyHashrate? Greedy(MinerPopulation miners) =>
        miners.GreedyFraction > 0 ? new GreedyHashrate(miners.GreedyFraction, miners.GreedyThreshold) : null;
}
