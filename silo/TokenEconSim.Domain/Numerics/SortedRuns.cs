namespace TokenEconSim.Domain.Numerics;

/// <summary>
/// Merges ascending runs into one ascending array. Each shard sorts its own balances (in parallel,
/// where it already holds them), so the epoch barrier only merges: O(N log k) for k runs instead of
/// an O(N log N) sort on one core. Written by hand: the BCL has no k-way merge of spans.
/// </summary>
public static class SortedRuns
{
    public static long[] Merge(IReadOnlyList<long[]> runs)
    {
        if (runs.Count == 0) return [];
        if (runs.Count == 1) return (long[])runs[0].Clone();
        // Many short runs (one grain per agent): concatenating and radix-sorting is O(N) and
        // allocates two arrays instead of one per run per round.
        if (runs.Count > 64) return ConcatenateAndSort(runs);
        // Pairwise rounds: each round halves the number of runs, every element moves log₂ k times.
        var level = new List<long[]>(runs);
        while (level.Count > 1)
        {
            var next = new List<long[]>((level.Count + 1) / 2);
            for (var i = 0; i + 1 < level.Count; i += 2) next.Add(MergeTwo(level[i], level[i + 1]));
            if (level.Count % 2 == 1) next.Add(level[^1]);
            level = next;
        }
        return ReferenceEquals(level[0], runs[0]) ? (long[])level[0].Clone() : level[0];
    }

    private static long[] ConcatenateAndSort(IReadOnlyList<long[]> runs)
    {
        var total = 0;
        foreach (var r in runs) total += r.Length;
        var all = new long[total];
        var offset = 0;
        foreach (var r in runs)
        {
            r.CopyTo(all, offset);
            offset += r.Length;
        }
        RadixSort.Sort(all, new long[total]);
        return all;
    }

    private static long[] MergeTwo(long[] a, long[] b)
    {
        var merged = new long[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length) merged[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        a.AsSpan(i).CopyTo(merged.AsSpan(k));
        b.AsSpan(j).CopyTo(merged.AsSpan(k + a.Length - i));
        return merged;
    }
}
