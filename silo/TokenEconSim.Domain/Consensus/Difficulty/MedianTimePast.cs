namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// Bitcoin's median time past (Core's <c>CBlockIndex::GetMedianTimePast</c>, src/chain.h): the
/// median of the timestamps of a block and up to 10 of its ancestors. With an even count (fewer
/// than 11 blocks) Core takes the upper middle element, and so does this.
/// </summary>
public static class MedianTimePast
{
    public const int Span = 11;

    public static long Of(IChainHistory history, long height)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (height < 0 || height >= history.Count) throw new ArgumentOutOfRangeException(nameof(height));
        var n = (int)Math.Min(Span, height + 1);
        Span<long> times = stackalloc long[Span];
        for (var i = 0; i < n; i++) times[i] = history.Time(height - i);
        var window = times[..n];
        window.Sort();
        return window[n / 2];
    }

    /// <summary>The median time past of the tip, the bound a new block's time must exceed.</summary>
    public static long OfTip(IChainHistory history) => Of(history, history.Count - 1);
}
