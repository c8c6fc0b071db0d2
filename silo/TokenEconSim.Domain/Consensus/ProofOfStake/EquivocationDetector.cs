namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>
/// Watches the stream of signed headers. A header whose signature does not verify under its
/// claimed validator's key is dropped (counted in <see cref="RejectedHeaders"/>), so a forger
/// cannot frame an honest validator. The first valid header per (validator, slot) is remembered;
/// a later valid one with a different hash yields evidence, at most once per (validator, slot).
/// </summary>
public sealed class EquivocationDetector(IValidatorKeys keys)
{
    private readonly Dictionary<(int Validator, long Slot), SignedHeader> _seen = [];
    private readonly HashSet<(int Validator, long Slot)> _reported = [];

    public int RejectedHeaders { get; private set; }

    public EquivocationEvidence? Observe(SignedHeader header)
    {
        if (!IsAuthentic(header)) { RejectedHeaders++; return null; }
        var key = (header.ValidatorId, header.Slot);
        if (!_seen.TryGetValue(key, out var first)) { _seen.Add(key, header); return null; }
        if (first.Hash == header.Hash || !_reported.Add(key)) return null;
        return new EquivocationEvidence(first, header);
    }

    public bool IsAuthentic(SignedHeader header) =>
        keys.Verify(header.ValidatorId, SignedHeader.Digest(header.Slot, header.Hash), header.Signature);

    /// <summary>Evidence anyone may submit: well formed and both signatures genuine.</summary>
    public bool IsValid(EquivocationEvidence evidence) =>
        evidence.IsWellFormed && IsAuthentic(evidence.First) && IsAuthentic(evidence.Second);

    /// <summary>Drops headers of slots before <paramref name="slot"/>, bounding memory in long runs
    /// (evidence for those slots can still be submitted and checked by <see cref="IsValid"/>).</summary>
    public void ForgetBefore(long slot)
    {
        foreach (var key in _seen.Keys.Where(k => k.Slot < slot).ToList()) _seen.Remove(key);
        _reported.RemoveWhere(k => k.Slot < slot);
    }
}
