namespace TokenEconSim.Domain.Consensus.Production;

/// <summary>Fixed block slots for stake-based protocols: ⌊epoch_length / target_block_time⌋ per epoch, at regular times.</summary>
internal static class SlotClock
{
    public static int SlotsPerEpoch(double epochLength, double targetBlockTime) =>
        (int)Math.Floor(epochLength / targetBlockTime + 1e-9); // the tolerance keeps 86400 / 600 at exactly 144

    public static double TimeOf(ConsensusInput input, double targetBlockTime, int slotInEpoch) =>
        input.EpochStart + (slotInEpoch + 1) * targetBlockTime;
}
