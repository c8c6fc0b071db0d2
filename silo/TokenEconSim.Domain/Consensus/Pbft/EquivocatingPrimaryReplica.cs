namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// <see cref="ByzantineBehaviour.EquivocatingPrimary"/>: whenever it pre-prepares (in view 0 or
/// inside a new-view) the lower half of the other replicas, by id, get the honest digest and the
/// upper half get <c>alternative</c>. Everything else it sends is honest.
/// </summary>
public sealed class EquivocatingPrimaryReplica(PbftReplica inner, PbftConfig config, Digest alternative)
    : OutputRewritingReplica(inner)
{
    protected override void Rewrite(Outbound honest, List<Outbound> sent)
    {
        switch (honest.Message)
        {
            case PrePrepare pp when honest.To is null:
                Split(pp, pp with { Digest = Other(pp.Digest, alternative) }, sent);
                break;
            case NewView nv when honest.To is null:
                var forked = nv.PrePrepare with { Digest = Other(nv.PrePrepare.Digest, alternative) };
                Split(nv, nv with { PrePrepare = forked }, sent);
                break;
            default:
                sent.Add(honest);
                break;
        }
    }

    private void Split(PbftMessage lower, PbftMessage upper, List<Outbound> sent)
    {
        var others = Enumerable.Range(0, config.ReplicaCount).Where(r => r != Id).ToArray();
        var half = (others.Length + 1) / 2;
        for (var i = 0; i < others.Length; i++) sent.Add(Outbound.Unicast(i < half ? lower : upper, others[i]));
    }
}
