namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>An epoch's blocks from one production protocol, with the rewards and penalties they carry.</summary>
public sealed record ProductionResult(
    IReadOnlyList<ProducedBlock> Blocks,
    IReadOnlyList<BlockRecord> Records,
    IReadOnlyList<Simulation.AgentCredit> Credits,
    double Difficulty,
    double HashrateEstimated)
{
    public IReadOnlyList<Simulation.AgentCredit> Debits { get; init; } = [];
    public int SlashEvents { get; init; }
    /// <summary>The predictive difficulty's forecast of the next window's hashrate at the epoch's end; NaN without one.</summary>
    public double HashratePredicted { get; init; } = double.NaN;
    public int MissedSlots { get; init; }
    /// <summary>Stake weights the protocol used this epoch (for the Nakamoto coefficient); null: the validators' own.</summary>
    public IReadOnlyList<double>? Stakes { get; init; }
    /// <summary>The network's columns (network.topology); null without.</summary>
    public Simulation.NetworkMetrics? Network { get; init; }
}

/// <summary>Produces an epoch's blocks. State (the chain, stakes, delegations) carries over between epochs.</summary>
public interface IBlockProducer
{
    Task<ProductionResult> ProduceAsync(ConsensusInput input, long runSeed);
}
