using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Consensus;

/// <summary>One block produced in an epoch (the full header arrives with the chain of issue 3).</summary>
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
    long ProposerRewardUnits);

public sealed record ConsensusOutcome(
    IReadOnlyList<ProducedBlock> Blocks,
    int? ProposerId,
    bool Accepted,
    AgentCredit[] Credits,
    double Difficulty,
    double TotalHashrate);

/// <summary>
/// The consensus layer as the epoch loop sees it. Issue 2 ships sampled PoW with a stake-selected
/// proposer and a vote-counting committee; the real chain, difficulty algorithms, PoS, DPoS and
/// PBFT plug in behind this interface.
/// </summary>
public interface IConsensus
{
    ConsensusOutcome RunEpoch(ConsensusInput input, long runSeed);
}
