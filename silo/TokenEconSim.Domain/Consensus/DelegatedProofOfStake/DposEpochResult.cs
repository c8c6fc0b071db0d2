namespace TokenEconSim.Domain.Consensus.DelegatedProofOfStake;

/// <summary>A slot of the rotation: its scheduled producer and whether the block was produced.</summary>
public readonly record struct DposSlot(long Slot, int ProducerId, bool Produced);

/// <summary>A producer's epoch: blocks made and slots missed.</summary>
public readonly record struct ProducerRecord(int ProducerId, int Blocks, int Missed)
{
    /// <summary>Blocks / scheduled slots; 1 when it had no slot.</summary>
    public double Reliability => Blocks + Missed == 0 ? 1.0 : Blocks / (double)(Blocks + Missed);
}

/// <summary>
/// One DPoS epoch. <see cref="Delegations"/> are the votes the epoch used (after re-delegation):
/// the caller carries them, with updated stakes, into the next epoch. Σ <see cref="Payouts"/> =
/// <see cref="RewardUnits"/> = reward × produced blocks: the units to mint.
/// </summary>
public sealed record DposEpochResult(
    int Epoch,
    IReadOnlyList<int> Producers,
    IReadOnlyList<DposSlot> Slots,
    IReadOnlyList<ProducerRecord> ProducerRecords,
    IReadOnlyList<Payout> Payouts,
    IReadOnlyDictionary<int, long> DelegatedStake,
    IReadOnlyList<Delegation> Delegations,
    long RewardUnits);
