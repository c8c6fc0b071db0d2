namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// A Byzantine replica built from an honest one whose outgoing messages it rewrites: the inner
/// replica keeps the protocol state (view, votes), the subclass lies about it.
/// </summary>
public abstract class OutputRewritingReplica(PbftReplica inner) : IPbftReplica
{
    protected PbftReplica Inner { get; } = inner;

    public int Id => Inner.Id;
    public long View => Inner.View;
    public Digest? Decision => Inner.Decision;
    public int ViewChangesStarted => Inner.ViewChangesStarted;

    public IReadOnlyList<Outbound> Start() => Rewrite(Inner.Start());
    public IReadOnlyList<Outbound> Handle(PbftMessage message) => Rewrite(Inner.Handle(message));
    public IReadOnlyList<Outbound> Tick() => Rewrite(Inner.Tick());

    private List<Outbound> Rewrite(IReadOnlyList<Outbound> honest)
    {
        var lies = new List<Outbound>(honest.Count);
        foreach (var o in honest) Rewrite(o, lies);
        return lies;
    }

    /// <summary>Appends what is actually sent in place of <paramref name="honest"/>.</summary>
    protected abstract void Rewrite(Outbound honest, List<Outbound> sent);

    /// <summary>A digest different from <paramref name="digest"/>: the preferred lie, or that lie with one bit flipped.</summary>
    protected static Digest Other(Digest digest, Digest lie) => digest != lie ? lie : lie with { Lo = lie.Lo ^ 1 };
}
