namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// Deterministic synchronous delivery for one PBFT instance. Round 0 starts every replica; in each
/// later round every message sent in the previous round is delivered, to each recipient in
/// canonical order (sender id, then the order the sender emitted them), each replica handles its
/// inbox and then ticks. The replicas know nothing of this class: validator grains can run the
/// same replicas round by round instead.
/// </summary>
/// <remarks>
/// The network authenticates senders: a message whose <see cref="PbftMessage.From"/> is not the
/// replica that emitted it is dropped, as is one addressed outside [0, n) or to its sender.
/// </remarks>
public sealed class PbftNetwork
{
    private readonly IPbftReplica[] _replicas;
    private readonly bool[] _honest;
    private IReadOnlyList<Outbound>[] _inFlight;

    public PbftNetwork(IReadOnlyList<IPbftReplica> replicas, IReadOnlyList<bool> honest)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        ArgumentNullException.ThrowIfNull(honest);
        if (replicas.Count != honest.Count)
            throw new ArgumentException("One honesty flag per replica.", nameof(honest));
        for (var i = 0; i < replicas.Count; i++)
            if (replicas[i].Id != i)
                throw new ArgumentException($"Replica at index {i} has id {replicas[i].Id}; ids must equal positions.", nameof(replicas));
        _replicas = [.. replicas];
        _honest = [.. honest];
        _inFlight = [.. _replicas.Select(r => r.Start())];
    }

    /// <summary>
    /// A network of replicas with the given behaviours (index = replica id). Random replicas are
    /// seeded from <paramref name="seed"/> and their id.
    /// </summary>
    public static PbftNetwork Create(
        PbftConfig config, IReadOnlyList<Digest> proposals, IReadOnlyList<Digest> requests,
        IReadOnlyList<ByzantineBehaviour> behaviours, Digest lie, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var n = config.ReplicaCount;
        if (proposals.Count != n || behaviours.Count != n)
            throw new ArgumentException($"Need one proposal and one behaviour per replica (n = {n}).");
        var replicas = Enumerable.Range(0, n)
            .Select(i => PbftReplicas.Create(i, config, behaviours[i], proposals[i], requests, lie, PbftReplicas.SeedFor(seed, i)))
            .ToArray();
        return new PbftNetwork(replicas, [.. behaviours.Select(b => b == ByzantineBehaviour.None)]);
    }

    public IReadOnlyList<IPbftReplica> Replicas => _replicas;

    /// <summary>Rounds completed after the start round.</summary>
    public int Round { get; private set; }

    public long MessagesDelivered { get; private set; }

    public bool AllHonestDecided => _replicas.Where((r, i) => _honest[i]).All(r => r.Decision is not null);

    /// <summary>Delivers the previous round's messages, lets each replica handle them, then ticks every replica.</summary>
    public void Step()
    {
        var inboxes = Deliver();
        _inFlight = [.. _replicas.Select((r, i) => ReplicaStep.Run(r, inboxes[i]))];
        Round++;
    }

    /// <summary>Steps until every honest replica has decided or <paramref name="maxRounds"/> rounds have run.</summary>
    public PbftRunResult Run(int maxRounds)
    {
        while (!AllHonestDecided && Round < maxRounds) Step();
        return Result();
    }

    public PbftRunResult Result() =>
        PbftDelivery.Outcome([.. _replicas.Select(ReplicaStatus.Of)], _honest, Round, MessagesDelivered);

    private List<PbftMessage>[] Deliver()
    {
        var inboxes = PbftDelivery.Deliver(_inFlight, _replicas.Length, out var delivered);
        MessagesDelivered += delivered;
        return inboxes;
    }
}
