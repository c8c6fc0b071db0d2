namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// The read-only view of a chain that difficulty algorithms need: for each height 0 … Count − 1,
/// the block's timestamp (seconds) and nBits. Height 0 is genesis.
/// </summary>
public interface IChainHistory
{
    long Count { get; }
    long Time(long height);
    uint Bits(long height);
}
