namespace TokenEconSim.Domain.Chain;

/// <summary>
/// How blocks prove work. <see cref="Real"/>: headers are ground until hash ≤ target.
/// <see cref="Sampled"/>: the simulation draws block times instead of grinding (docs/model.md §4.3), so the
/// chain skips only the hash ≤ target comparison and checks everything else, nBits included.
/// </summary>
public enum ProofMode
{
    Real,
    Sampled,
}
