namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>A message a replica wants sent: to every other replica (<see cref="To"/> null) or to one.</summary>
public readonly record struct Outbound(PbftMessage Message, int? To)
{
    public static Outbound Broadcast(PbftMessage message) => new(message, null);
    public static Outbound Unicast(PbftMessage message, int to) => new(message, to);
}
