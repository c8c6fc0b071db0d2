namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// Proof that a digest was prepared in a view: the primary's pre-prepare and Quorum − 1 matching
/// prepares from distinct backups (PBFT §4.2, the paper's 2f when n = 3f + 1).
/// </summary>
public sealed record PreparedCertificate(PrePrepare PrePrepare, IReadOnlyList<Prepare> Prepares)
{
    public long View => PrePrepare.View;
    public Digest Digest => PrePrepare.Digest;

    /// <summary>Checks the certificate as a receiver must before trusting it.</summary>
    public bool IsValid(PbftConfig config)
    {
        var pp = PrePrepare;
        if (pp.Seq != config.Sequence || pp.From != config.Primary(pp.View)) return false;
        var backups = new HashSet<int>();
        foreach (var p in Prepares)
        {
            if (p.View != pp.View || p.Seq != pp.Seq || p.Digest != pp.Digest) return false;
            if (p.From == pp.From || p.From < 0 || p.From >= config.ReplicaCount) return false;
            backups.Add(p.From);
        }
        return backups.Count >= config.Quorum - 1;
    }
}
