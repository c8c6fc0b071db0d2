namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// Votes (prepares or commits) tallied per (view, digest), at most one per sender: a quorum must
/// come from distinct replicas, so a Byzantine replica repeating itself counts once.
/// </summary>
internal sealed class VoteLog<TVote> where TVote : PbftMessage
{
    private readonly Dictionary<(long View, Digest Digest), Dictionary<int, TVote>> _votes = [];

    /// <returns>The number of distinct senders now recorded for (view, digest).</returns>
    public int Add(long view, Digest digest, TVote vote)
    {
        if (!_votes.TryGetValue((view, digest), out var bySender))
            _votes[(view, digest)] = bySender = [];
        bySender.TryAdd(vote.From, vote);
        return bySender.Count;
    }

    public int Count(long view, Digest digest) =>
        _votes.TryGetValue((view, digest), out var bySender) ? bySender.Count : 0;

    /// <summary>The votes for (view, digest) in sender order, so certificates do not depend on arrival or hash order.</summary>
    public IReadOnlyList<TVote> Sorted(long view, Digest digest) =>
        _votes.TryGetValue((view, digest), out var bySender)
            ? bySender.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray()
            : [];
}
