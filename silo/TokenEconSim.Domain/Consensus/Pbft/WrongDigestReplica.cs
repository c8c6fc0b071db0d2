namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// <see cref="ByzantineBehaviour.WrongDigest"/>: its prepares and commits name <c>lie</c> (or, if
/// that is the true digest, a digest one bit away) instead of the pre-prepared digest.
/// </summary>
public sealed class WrongDigestReplica(PbftReplica inner, Digest lie) : OutputRewritingReplica(inner)
{
    protected override void Rewrite(Outbound honest, List<Outbound> sent) =>
        sent.Add(honest.Message switch
        {
            Prepare p => honest with { Message = p with { Digest = Other(p.Digest, lie) } },
            Commit c => honest with { Message = c with { Digest = Other(c.Digest, lie) } },
            _ => honest,
        });
}
