using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Tests.Consensus.Difficulty;

/// <summary>
/// A chain history that knows only the heights a test gives it and throws on any other, so a test
/// also proves which ancestors an algorithm reads.
/// </summary>
internal sealed class SparseHistory(long count) : IChainHistory
{
    private readonly Dictionary<long, long> _times = [];
    private readonly Dictionary<long, uint> _bits = [];

    public long Count { get; } = count;

    public SparseHistory WithTime(long height, long time)
    {
        _times[height] = time;
        return this;
    }

    public SparseHistory WithBits(long height, uint bits)
    {
        _bits[height] = bits;
        return this;
    }

    public long Time(long height) => _times.TryGetValue(height, out var t)
        ? t : throw new InvalidOperationException($"time of height {height} was read");
    public uint Bits(long height) => _bits.TryGetValue(height, out var b)
        ? b : throw new InvalidOperationException($"bits of height {height} were read");
}
