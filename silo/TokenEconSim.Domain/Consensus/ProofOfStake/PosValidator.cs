namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>A validator as a PoS run starts: its bonded stake in units and whether it is Byzantine.</summary>
public readonly record struct PosValidator(int Id, long Stake, bool Byzantine = false);

/// <summary>A validator's standing after some slots. Jailed while slot &lt; <see cref="JailedUntilSlot"/>.</summary>
public readonly record struct ValidatorStake(int Id, long Stake, long JailedUntilSlot);

/// <summary>
/// PoS knobs from the scenario. <paramref name="EquivocationProbability"/>: chance a Byzantine
/// proposer signs a second block for its slot. <paramref name="JailSlots"/>: slots a slashed
/// validator is excluded from proposing, counted from the slot the slash happens (0 = not jailed).
/// </summary>
public sealed record PosSettings(Tokens.UnitFraction SlashFraction, double EquivocationProbability, int JailSlots)
{
    public double EquivocationProbability { get; } = EquivocationProbability is >= 0 and <= 1
        ? EquivocationProbability
        : throw new ArgumentOutOfRangeException(nameof(EquivocationProbability), EquivocationProbability, "must be a probability");

    public int JailSlots { get; } = JailSlots >= 0 ? JailSlots : throw new ArgumentOutOfRangeException(nameof(JailSlots), JailSlots, "must be ≥ 0");
}
