namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>Everything a validator needs to create its replica for one PBFT instance.</summary>
public sealed record PbftSetup(int ReplicaCount, long Sequence, int TimeoutRounds, ByzantineBehaviour[] Behaviours,
    Digest Proposal, Digest Lie, ulong Seed)
{
    public PbftConfig Config => new(ReplicaCount, Sequence, TimeoutRounds);

    /// <summary>Replica <paramref name="id"/> as <see cref="PbftNetwork.Create"/> would build it (every honest one requests the proposal).</summary>
    public IPbftReplica CreateReplica(int id) =>
        PbftReplicas.Create(id, Config, Behaviours[id], Proposal, [Proposal], Lie, PbftReplicas.SeedFor(Seed, id));
}

/// <summary>
/// The validators of one PBFT instance wherever they run: in process (<see cref="LocalReplicaGroup"/>)
/// or as validator grains, one call per validator per round. Outbound lists are indexed by replica id.
/// </summary>
public interface IReplicaGroup
{
    Task<IReadOnlyList<Outbound>[]> StartAsync(PbftSetup setup);

    /// <summary>Replica i handles inboxes[i] in order, then ticks.</summary>
    Task<IReadOnlyList<Outbound>[]> StepAsync(IReadOnlyList<PbftMessage>[] inboxes);

    Task<ReplicaStatus[]> StatusAsync();
}

/// <summary>The replicas in this process.</summary>
public sealed class LocalReplicaGroup : IReplicaGroup
{
    private IPbftReplica[] _replicas = [];

    public Task<IReadOnlyList<Outbound>[]> StartAsync(PbftSetup setup)
    {
        _replicas = [.. Enumerable.Range(0, setup.ReplicaCount).Select(setup.CreateReplica)];
        return Task.FromResult(_replicas.Select(r => r.Start()).ToArray());
    }

    public Task<IReadOnlyList<Outbound>[]> StepAsync(IReadOnlyList<PbftMessage>[] inboxes) =>
        Task.FromResult(_replicas.Select((r, i) => ReplicaStep.Run(r, inboxes[i])).ToArray());

    public Task<ReplicaStatus[]> StatusAsync() => Task.FromResult(_replicas.Select(ReplicaStatus.Of).ToArray());
}

/// <summary>One replica's round: handle the inbox in delivery order, then tick.</summary>
public static class ReplicaStep
{
    public static IReadOnlyList<Outbound> Run(IPbftReplica replica, IReadOnlyList<PbftMessage> inbox)
    {
        var sent = new List<Outbound>();
        foreach (var message in inbox) sent.AddRange(replica.Handle(message));
        sent.AddRange(replica.Tick());
        return sent;
    }
}

/// <summary>Runs one instance over an <see cref="IReplicaGroup"/> with <see cref="PbftNetwork"/>'s rounds and delivery.</summary>
public static class PbftRoundDriver
{
    public static async Task<PbftRunResult> RunAsync(IReplicaGroup group, PbftSetup setup, int maxRounds)
    {
        var honest = setup.Behaviours.Select(b => b == ByzantineBehaviour.None).ToArray();
        IReadOnlyList<IReadOnlyList<Outbound>> inFlight = await group.StartAsync(setup);
        long messages = 0;
        var round = 0;
        var status = await group.StatusAsync();
        while (round < maxRounds && !AllHonestDecided(status, honest))
        {
            var inboxes = PbftDelivery.Deliver(inFlight, setup.ReplicaCount, out var delivered);
            messages += delivered;
            inFlight = await group.StepAsync([.. inboxes]);
            round++;
            status = await group.StatusAsync();
        }
        return PbftDelivery.Outcome(status, honest, round, messages);
    }

    private static bool AllHonestDecided(ReplicaStatus[] status, bool[] honest) =>
        status.Where((s, i) => honest[i]).All(s => s.Decision is not null);
}
