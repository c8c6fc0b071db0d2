namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>A validator that never sends anything (<see cref="ByzantineBehaviour.Silent"/>).</summary>
public sealed class SilentReplica(int id) : IPbftReplica
{
    public int Id { get; } = id;
    public long View => 0;
    public Digest? Decision => null;
    public int ViewChangesStarted => 0;
    public IReadOnlyList<Outbound> Start() => [];
    public IReadOnlyList<Outbound> Handle(PbftMessage message) => [];
    public IReadOnlyList<Outbound> Tick() => [];
}
