namespace TokenEconSim.Domain.Consensus.ProofOfStake;

/// <summary>A slot and who proposed in it (null when no stake was eligible).</summary>
public readonly record struct PosSlot(long Slot, int? ProposerId);

/// <summary>A canonical block: the first block its proposer signed for the slot, on the previous one.</summary>
public readonly record struct PosBlock(long Slot, int ProposerId, BlockHash Hash, BlockHash Parent);

/// <summary>What a run of PoS slots produced. <see cref="BurnedUnits"/> = Σ slashes, for the supply ledger.</summary>
public sealed record PosEpochResult(
    IReadOnlyList<PosSlot> Slots,
    IReadOnlyList<PosBlock> Blocks,
    IReadOnlyList<EquivocationEvidence> Equivocations,
    IReadOnlyList<SlashEvent> Slashes,
    IReadOnlyList<ValidatorStake> Stakes,
    long BurnedUnits);
