namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// What a new-view must contain and which digest it must re-propose (PBFT §4.4). The new primary
/// and every backup run the same computation on the same set V, so they agree on the digest.
/// </summary>
public static class NewViewRules
{
    /// <summary>
    /// The digest of the highest-view prepared certificate in <paramref name="viewChanges"/>, or
    /// null when none carries one (then the new primary may propose any requested value). Two valid
    /// certificates of the same view always agree (their quorums share an honest replica), so the
    /// first of the highest in sender order is as good as any.
    /// </summary>
    public static Digest? RequiredDigest(IReadOnlyList<ViewChange> viewChanges)
    {
        PreparedCertificate? best = null;
        foreach (var vc in viewChanges)
            if (vc.Prepared is { } cert && (best is null || cert.View > best.View)) best = cert;
        return best?.Digest;
    }

    /// <summary>Checks a view-change as a receiver must: a valid certificate from an earlier view, or none.</summary>
    public static bool IsValid(ViewChange vc, PbftConfig config) =>
        vc.NewView >= 1
        && vc.From >= 0 && vc.From < config.ReplicaCount
        && (vc.Prepared is null || (vc.Prepared.View < vc.NewView && vc.Prepared.IsValid(config)));

    /// <summary>
    /// Checks a new-view: sent by the view's primary, justified by a quorum of distinct valid
    /// view changes for that view, re-issuing the required digest, or a requested one if none is
    /// required. A certified digest is accepted even if this replica never saw it requested: it may
    /// already be committed elsewhere, and only re-proposing it keeps that decision (PBFT §4.4).
    /// </summary>
    public static bool IsValid(NewView nv, PbftConfig config, IReadOnlySet<Digest> requests)
    {
        var pp = nv.PrePrepare;
        if (nv.View < 1 || nv.From != config.Primary(nv.View)) return false;
        if (pp.View != nv.View || pp.Seq != config.Sequence || pp.From != nv.From) return false;
        var senders = new HashSet<int>();
        foreach (var vc in nv.ViewChanges)
        {
            if (vc.NewView != nv.View || !IsValid(vc, config)) return false;
            senders.Add(vc.From);
        }
        if (senders.Count < config.Quorum) return false;
        return RequiredDigest(nv.ViewChanges) is { } required ? pp.Digest == required : requests.Contains(pp.Digest);
    }
}
