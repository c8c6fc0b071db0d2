namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>Two headers a validator signed for one slot with different hashes: proof it equivocated.</summary>
public sealed record EquivocationEvidence(SignedHeader First, SignedHeader Second)
{
    public int ValidatorId => First.ValidatorId;
    public long Slot => First.Slot;

    /// <summary>Same signer, same slot, different blocks (signatures are checked separately).</summary>
    public bool IsWellFormed =>
        First.ValidatorId == Second.ValidatorId && First.Slot == Second.Slot && First.Hash != Second.Hash;
}
