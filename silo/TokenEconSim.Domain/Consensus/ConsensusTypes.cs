using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Consensus;

/// <summary>One block produced in an epoch: its simulated time and producer, and its record for blocks.csv.</summary>
public readonly record struct ProducedBlock(long Height, double Time, int ProducerId);

/// <summary>What the consensus layer sees of an epoch: active miners and validators in id order, and the votes.</summary>
public sealed record ConsensusInput(
    int Epoch,
    double EpochStart,
    double EpochEnd,
    int[] MinerIds,
    double[] Hashrates,
    int[] ValidatorIds,
    double[] Stakes,
    int ValidVotes,
    int ValidatorCount,
    long BlockRewardUnits,
    long ProposerRewardUnits)
{
    /// <summary>Digest of the epoch's data contributions (an on-chain data-batch record).</summary>
    public Hash256 DataDigest { get; init; }
    /// <summary>Digest of the epoch's model updates (an on-chain model-update record).</summary>
    public Hash256 ModelDigest { get; init; }
    /// <summary>Fees burned in the previous epoch (an on-chain fee record in this epoch's first block).</summary>
    public long PreviousFeesBurned { get; init; }
    /// <summary>
    /// Federated learning: the honest validators' verdict on the epoch's model update (accept unless
    /// validation loss worsens beyond the tolerance), decided with the settlement; null without it.
    /// </summary>
    public bool? UpdateVerdict { get; init; }
    /// <summary>
    /// The token price the epoch was drawn at (stable per token, 1 without a market): known before its first block, so a forecaster
    /// may read it (docs/model.md §4.2).
    /// </summary>
    public double TokenPrice { get; init; } = 1;
}

/// <summary>What consensus decided for an epoch, and what it measured.</summary>
public sealed record ConsensusOutcome(
    IReadOnlyList<ProducedBlock> Blocks,
    int? ProposerId,
    bool Accepted,
    AgentCredit[] Credits,
    double Difficulty,
    double TotalHashrate)
{
    public IReadOnlyList<BlockRecord> BlockRecords { get; init; } = [];
    /// <summary>Tokens to burn from agents' balances (slashing), capped at each balance.</summary>
    public AgentCredit[] Debits { get; init; } = [];
    public double HashrateEstimated { get; init; } = double.NaN;
    public double HashratePredicted { get; init; } = double.NaN;
    public int NakamotoHashrate { get; init; }
    public int NakamotoStake { get; init; }
    public int SlashEvents { get; init; }
    public int MissedSlots { get; init; }
    /// <summary>Votes for the epoch and the votes needed, as the finality rule counts them.</summary>
    public int Votes { get; init; }
    public int Quorum { get; init; }
    public int PbftRounds { get; init; }
    public int ViewChanges { get; init; }
    /// <summary>Federated learning: the model update is accepted (the epoch committed with an accepting verdict); null without it.</summary>
    public bool? UpdateAccepted { get; init; }
    /// <summary>The network's columns (network.topology); null without.</summary>
    public NetworkMetrics? Network { get; init; }
}

/// <summary>
/// The consensus layer as the epoch loop sees it: block production (PoW, PoS or DPoS) and the
/// validators' decision on the epoch (votes or PBFT), composed by <see cref="ConsensusFactory"/>.
/// </summary>
public interface IConsensus
{
    Task<ConsensusOutcome> RunEpochAsync(ConsensusInput input, long runSeed);
}
