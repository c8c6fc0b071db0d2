namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// An append-only list of (time, nBits) per height: the minimal <see cref="IChainHistory"/>, for a
/// sampled run that draws block times without building headers, and inside the chain itself.
/// </summary>
public sealed class TimeBitsHistory : IChainHistory
{
    private readonly List<long> _times = [];
    private readonly List<uint> _bits = [];

    public long Count => _times.Count;
    public long Time(long height) => _times[checked((int)height)];
    public uint Bits(long height) => _bits[checked((int)height)];

    public void Append(long time, uint bits)
    {
        _times.Add(time);
        _bits.Add(bits);
    }
}
