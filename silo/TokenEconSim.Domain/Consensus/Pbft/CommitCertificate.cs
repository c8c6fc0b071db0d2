namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// A quorum of matching commits, forwarded to a replica that asked for a view change after the
/// sender had decided. Stands in for the paper's checkpoint-based state transfer (PBFT §4.3),
/// which a one-slot instance has no room for: without it a replica that missed the commits of a
/// view could wait forever for a view change the decided replicas no longer need.
/// </summary>
/// <remarks>
/// A quorum of commits for (v, n, d) holds f + 1 honest senders, each prepared in v, so the value
/// is committed in the paper's sense (committed(m, v, n), PBFT §4.2; the PBFT §4.5.1 invariant keeps it in later views); deciding on it is safe
/// even for a
/// replica that was not itself prepared.
/// </remarks>
public sealed record CommitCertificate(int From, IReadOnlyList<Commit> Commits) : PbftMessage(From)
{
    /// <summary>True when the commits are for this instance, agree, and come from a quorum of distinct replicas.</summary>
    public bool IsValid(PbftConfig config)
    {
        if (Commits.Count == 0) return false;
        var first = Commits[0];
        var senders = new HashSet<int>();
        foreach (var c in Commits)
        {
            if (c.Seq != config.Sequence || c.View != first.View || c.Digest != first.Digest) return false;
            if (c.From < 0 || c.From >= config.ReplicaCount) return false;
            senders.Add(c.From);
        }
        return senders.Count >= config.Quorum;
    }
}
