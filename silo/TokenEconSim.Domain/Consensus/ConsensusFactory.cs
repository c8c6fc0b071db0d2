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
            _ => new PowProducer(c, hosts.Miners, hosts.Chain, Greedy(scenario.Populations.Miners), hosts.LstmPredictor),
        };
        IFinality finality = c.Finality == FinalityKind.Pbft ? new PbftFinality(c.Pbft, hosts.Validators) : new VoteFinality();
        return new ChainConsensus(producer, finality);
    }

    private static GreedyHashrate? Greedy(MinerPopulation miners) =>
        miners.GreedyFraction > 0 ? new GreedyHashrate(miners.GreedyFraction, miners.GreedyThreshold) : null;
}
