namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// One validator's side of a PBFT instance, as a message-in / messages-out state machine. Whoever
/// drives it (<see cref="PbftNetwork"/> in tests, validator grains in the silo) calls
/// <see cref="Start"/> once, then per protocol round <see cref="Handle"/> for each delivered message
/// and <see cref="Tick"/> once, and sends what they return. A broadcast goes to every replica but
/// the sender: a replica records its own messages itself.
/// </summary>
public interface IPbftReplica
{
    int Id { get; }

    /// <summary>The view the replica is in, or is changing to.</summary>
    long View { get; }

    /// <summary>The decided value, once a quorum of matching commits is known.</summary>
    Digest? Decision { get; }

    /// <summary>View changes this replica has started (its own view-change messages).</summary>
    int ViewChangesStarted { get; }

    IReadOnlyList<Outbound> Start();

    IReadOnlyList<Outbound> Handle(PbftMessage message);

    /// <summary>Advances the replica's timer by one protocol round; may start a view change.</summary>
    IReadOnlyList<Outbound> Tick();
}
