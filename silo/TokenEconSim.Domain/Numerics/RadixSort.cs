namespace TokenEconSim.Domain.Numerics;

/// <summary>
/// Least-significant-digit radix sort of non-negative longs, 11 bits per pass and only as many
/// passes as the largest key needs (balances of ~10¹⁰ base units take 4). Each shard sorts its
/// balances every epoch for the Gini; this is O(n) where <see cref="Array.Sort(Array)"/> costs
/// O(n log n), ~45 ns per agent at 10 000 agents. Written by hand: the BCL has no radix sort.
/// </summary>
public static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int SmallArray = 256; // below this, introsort is as fast and needs no buffer

    /// <summary>Sorts <paramref name="keys"/> ascending; <paramref name="buffer"/> must be at least as long.</summary>
    public static void Sort(long[] keys, long[] buffer) => Sort(keys.AsSpan(), buffer.AsSpan());

    /// <summary>Sorts <paramref name="keys"/> ascending, using <paramref name="buffer"/> (at least as long) as scratch.</summary>
    public static void Sort(Span<long> keys, Span<long> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buffer.Length, keys.Length, nameof(buffer));
        long max = 0;
        foreach (var k in keys)
        {
            if (k < 0) { keys.Sort(); return; }
            if (k > max) max = k;
        }
        if (keys.Length < SmallArray) { keys.Sort(); return; }
        var passes = (64 - long.LeadingZeroCount(max) + DigitBits - 1) / DigitBits;
        Span<int> offsets = stackalloc int[Buckets];
        buffer = buffer[..keys.Length];
        for (var pass = 0; pass < passes; pass++)
        {
            // Even passes read the keys and write the buffer, odd passes the other way round.
            if (pass % 2 == 0) Scatter(keys, buffer, pass * DigitBits, offsets);
            else Scatter(buffer, keys, pass * DigitBits, offsets);
        }
        if (passes % 2 == 1) buffer.CopyTo(keys); // the last pass wrote the buffer
    }

    private static void Scatter(ReadOnlySpan<long> from, Span<long> to, int shift, Span<int> offsets)
    {
        offsets.Clear();
        for (var i = 0; i < from.Length; i++) offsets[(int)(from[i] >> shift) & (Buckets - 1)]++;
        var sum = 0;
        for (var b = 0; b < Buckets; b++) (offsets[b], sum) = (sum, sum + offsets[b]);
        for (var i = 0; i < from.Length; i++) to[offsets[(int)(from[i] >> shift) & (Buckets - 1)]++] = from[i];
    }
}
