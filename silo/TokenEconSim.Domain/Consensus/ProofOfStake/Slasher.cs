namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>One slash: the offence's (validator, slot), the units burned and the end of the jail term.</summary>
public readonly record struct SlashEvent(int ValidatorId, long Slot, long UnitsBurned, long JailedUntilSlot);

/// <summary>
/// Turns verified equivocation evidence into a slash. Each distinct (validator, slot) is one
/// offence and is slashed exactly once: evidence repeated, re-broadcast or rebuilt from other
/// headers of the same slot is ignored. A validator that equivocates in k slots is slashed k times,
/// each time the fraction of its stake at that moment (so the penalties compound). The slashed
/// units are burned: the caller records them with the supply ledger.
/// </summary>
public sealed class Slasher(EquivocationDetector detector, PosSettings settings)
{
    private readonly HashSet<(int Validator, long Slot)> _slashed = [];

    public IReadOnlyCollection<(int Validator, long Slot)> Slashed => _slashed;

    /// <param name="currentSlot">The slot in which the evidence is processed; the jail term starts there.</param>
    /// <returns>The slash, or null when the evidence is invalid, names an unknown validator or was already used.</returns>
    public SlashEvent? Apply(EquivocationEvidence evidence, ValidatorSet validators, long currentSlot)
    {
        if (!validators.Contains(evidence.ValidatorId) || _slashed.Contains((evidence.ValidatorId, evidence.Slot))) return null;
        if (!detector.IsValid(evidence)) return null;
        _slashed.Add((evidence.ValidatorId, evidence.Slot));
        var burned = settings.SlashFraction.Of(validators.StakeOf(evidence.ValidatorId));
        var jailedUntil = settings.JailSlots == 0 ? 0 : currentSlot + 1 + settings.JailSlots;
        validators.Slash(evidence.ValidatorId, burned, jailedUntil);
        return new SlashEvent(evidence.ValidatorId, evidence.Slot, burned, jailedUntil);
    }
}
