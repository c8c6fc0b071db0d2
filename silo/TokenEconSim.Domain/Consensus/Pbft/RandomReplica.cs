namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// <see cref="ByzantineBehaviour.Random"/>: ignores the protocol's outputs and, each round, sends
/// 0–3 pre-prepares, prepares, commits or view changes, with views near its own and digests drawn
/// from <c>digests</c>, each to a random subset of the other replicas. Its view changes carry no
/// certificate and it never sends a new-view or a commit certificate: those would embed other
/// replicas' messages, which it cannot forge (see <see cref="PbftMessage"/>).
/// </summary>
public sealed class RandomReplica(PbftReplica inner, PbftConfig config, IReadOnlyList<Digest> digests, Random rng)
    : IPbftReplica
{
    private readonly Digest[] _digests = digests.Count > 0
        ? [.. digests]
        : throw new ArgumentException("Random messages need at least one digest to draw from.", nameof(digests));

    public int Id => inner.Id;
    public long View => inner.View;
    public Digest? Decision => inner.Decision;
    public int ViewChangesStarted => inner.ViewChangesStarted;

    // The inner honest replica only tracks the view the random messages hover around.
    public IReadOnlyList<Outbound> Start() { inner.Start(); return []; }

    public IReadOnlyList<Outbound> Handle(PbftMessage message) { inner.Handle(message); return []; }

    public IReadOnlyList<Outbound> Tick()
    {
        inner.Tick();
        var sent = new List<Outbound>();
        var count = rng.Next(4);
        for (var i = 0; i < count; i++)
        {
            var message = Draw(inner.View, inner.Id);
            for (var to = 0; to < config.ReplicaCount; to++)
                if (to != Id && rng.Next(2) == 1) sent.Add(Outbound.Unicast(message, to));
        }
        return sent;
    }

    private PbftMessage Draw(long view, int self)
    {
        var v = Math.Max(0, view + rng.Next(-1, 3));
        var digest = _digests[rng.Next(_digests.Length)];
        var seq = config.Sequence;
        return rng.Next(4) switch
        {
            0 => new PrePrepare(v, seq, digest, self),
            1 => new Prepare(v, seq, digest, self),
            2 => new Commit(v, seq, digest, self),
            _ => new ViewChange(Math.Max(1, v), self, null),
        };
    }
}
