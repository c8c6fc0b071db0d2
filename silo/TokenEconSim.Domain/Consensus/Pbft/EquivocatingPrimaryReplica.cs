namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// <see cref="ByzantineBehaviour.EquivocatingPrimary"/>: whenever it pre-prepares (in view 0 or
/// inside a new-view) the lower half of the other replicas, by id, get the honest digest and the
/// upper half get <c>alternative</c>; its commits in those views follow the same split, so each
/// half sees a consistent primary (the strongest form of the attack: a primary that may help
/// either half to a quorum). Everything else it sends is honest.
/// </summary>
public sealed class EquivocatingPrimaryReplica(PbftReplica inner, PbftConfig config, Digest alternative)
    : OutputRewritingReplica(inner)
{
    private readonly HashSet<long> _forkedViews = [];

    protected override void Rewrite(Outbound honest, List<Outbound> sent)
    {
        switch (honest.Message)
        {
            case PrePrepare pp when honest.To is null:
                _forkedViews.Add(pp.View);
                Split(pp, pp with { Digest = Other(pp.Digest, alternative) }, sent);
                break;
            case NewView nv when honest.To is null:
                _forkedViews.Add(nv.View);
                var forked = nv.PrePrepare with { Digest = Other(nv.PrePrepare.Digest, alternative) };
                Split(nv, nv with { PrePrepare = forked }, sent);
                break;
            case Commit c when honest.To is null && _forkedViews.Contains(c.View):
                Split(c, c with { Digest = Other(c.Digest, alternative) }, sent);
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
