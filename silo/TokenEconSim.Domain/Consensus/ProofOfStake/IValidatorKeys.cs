namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>The public side of the validators' keys: what a detector needs to check a header.</summary>
public interface IValidatorKeys
{
    /// <returns>False when the signature does not verify under that validator's public key.</returns>
    bool Verify(int validatorId, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature);
}
