namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>A holder's vote: all of its stake (balance in units) behind one candidate.</summary>
public readonly record struct Delegation(int HolderId, long Stake, int CandidateId);

/// <summary>Units paid to an agent (producer or delegator).</summary>
public readonly record struct Payout(int AgentId, long Units);
