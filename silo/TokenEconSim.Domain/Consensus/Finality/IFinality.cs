namespace TokenEconSim.Domain.Consensus.Finality;

/// <summary>The validators' decision on an epoch: whether it is accepted, who proposed it, and what deciding cost.</summary>
/// <param name="Votes">Votes for the epoch: valid votes (vote finality) or validators that committed it (PBFT).</param>
/// <param name="Quorum">Votes the rule needs: 2f+1 (votes) or ⌈(n+f+1)/2⌉ matching commits (PBFT).</param>
public readonly record struct FinalityResult(bool Accepted, int? ProposerId, int Votes, int Quorum, int Rounds = 0, int ViewChanges = 0);

/// <summary>How the validators decide an epoch (<c>consensus.finality</c>).</summary>
public interface IFinality
{
    /// <param name="settlement">Digest of what is being decided: the epoch's blocks and rewards.</param>
    Task<FinalityResult> DecideAsync(ConsensusInput input, Chain.Hash256 settlement, long runSeed);
}
