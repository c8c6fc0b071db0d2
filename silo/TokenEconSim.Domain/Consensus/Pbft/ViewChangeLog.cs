namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>Valid view-change messages received, per target view and sender.</summary>
internal sealed class ViewChangeLog
{
    private readonly Dictionary<long, Dictionary<int, ViewChange>> _byView = [];

    /// <returns>The number of distinct senders now recorded for the message's target view.</returns>
    public int Add(ViewChange vc)
    {
        if (!_byView.TryGetValue(vc.NewView, out var bySender))
            _byView[vc.NewView] = bySender = [];
        bySender.TryAdd(vc.From, vc);
        return bySender.Count;
    }

    public int Count(long view) => _byView.TryGetValue(view, out var bySender) ? bySender.Count : 0;

    /// <summary>The view changes for <paramref name="view"/> in sender order (the set V of a new-view).</summary>
    public IReadOnlyList<ViewChange> Sorted(long view) =>
        _byView.TryGetValue(view, out var bySender)
            ? bySender.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray()
            : [];

    /// <summary>
    /// PBFT §4.5.2's second liveness rule: if f + 1 other replicas asked for views above
    /// <paramref name="current"/>, one of them is honest, so join. Returns the highest view that
    /// f + 1 distinct senders asked for at least, or null when fewer than f + 1 are ahead.
    /// </summary>
    public long? ViewBackedByFPlusOne(long current, int self, int f)
    {
        var highestPerSender = new SortedDictionary<int, long>();
        foreach (var (view, bySender) in _byView)
        {
            if (view <= current) continue;
            foreach (var sender in bySender.Keys)
            {
                if (sender == self) continue;
                highestPerSender[sender] = Math.Max(view, highestPerSender.GetValueOrDefault(sender));
            }
        }
        if (highestPerSender.Count < f + 1) return null;
        return highestPerSender.Values.OrderDescending().ElementAt(f);
    }
}
