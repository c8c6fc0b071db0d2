using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Governance;

public enum ProposalKind { Scheduled, Adaptive }

/// <summary>A proposal to set (α, β, γ), voted at <see cref="Epoch"/>; <see cref="Support"/> is each voter's chance of a yes.</summary>
public sealed record Proposal(int Id, int Epoch, ProposalKind Kind, RewardWeights Weights, double Support)
{
    /// <summary>Throws unless the weights lie on the simplex: the DAO never holds a proposal it could not apply.</summary>
    public Proposal Checked()
    {
        if (!Simplex.Contains(Weights))
            throw new ArgumentException($"proposal {Id}: alpha + beta + gamma must be 1 with each ≥ 0, got {Weights}");
        return this;
    }
}

/// <summary>The outcome of one proposal's vote, one row of governance.csv. Stakes are in stake units.</summary>
public sealed record ProposalRecord(int Id, int Epoch, ProposalKind Kind, double Alpha, double Beta, double Gamma,
    double YesStake, double NoStake, double AbstainStake, bool QuorumMet, bool Passed, int EffectiveEpoch);
