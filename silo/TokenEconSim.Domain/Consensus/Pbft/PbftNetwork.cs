using TokenEconSim.Domain.Randomness;

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
    private List<Outbound>[] _inFlight;

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
        _inFlight = [.. _replicas.Select(r => r.Start().ToList())];
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
            .Select(i => PbftReplicas.Create(i, config, behaviours[i], proposals[i], requests, lie,
                SplitMix64.Mix(seed ^ SplitMix64.Mix((ulong)i + 1))))
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
        var next = new List<Outbound>[_replicas.Length];
        for (var i = 0; i < _replicas.Length; i++)
        {
            next[i] = [];
            foreach (var message in inboxes[i]) next[i].AddRange(_replicas[i].Handle(message));
            next[i].AddRange(_replicas[i].Tick());
        }
        _inFlight = next;
        Round++;
    }

    /// <summary>Steps until every honest replica has decided or <paramref name="maxRounds"/> rounds have run.</summary>
    public PbftRunResult Run(int maxRounds)
    {
        while (!AllHonestDecided && Round < maxRounds) Step();
        return Result();
    }

    public PbftRunResult Result()
    {
        var decisions = _replicas.Select(r => r.Decision).ToArray();
        var honest = _replicas.Where((r, i) => _honest[i]).ToArray();
        var values = honest.Select(r => r.Decision).Distinct().ToArray();
        var committed = values.Length == 1 && values[0] is not null;
        var outcome = new PbftOutcome(
            committed, committed ? values[0] : null, Round,
            honest.Length == 0 ? 0 : honest.Max(r => r.ViewChangesStarted), MessagesDelivered);
        return new PbftRunResult(outcome, decisions, _honest, honest.Length == 0 ? 0 : honest.Max(r => r.View));
    }

    // Builds each recipient's inbox by scanning senders in id order, each sender's messages in emission order.
    private List<PbftMessage>[] Deliver()
    {
        var inboxes = _replicas.Select(_ => new List<PbftMessage>()).ToArray();
        for (var sender = 0; sender < _inFlight.Length; sender++)
        {
            foreach (var o in _inFlight[sender])
            {
                if (o.Message.From != sender) continue;
                if (o.To is { } to)
                {
                    if (to < 0 || to >= _replicas.Length || to == sender) continue;
                    inboxes[to].Add(o.Message);
                    MessagesDelivered++;
                }
                else
                {
                    for (var r = 0; r < _replicas.Length; r++)
                        if (r != sender) { inboxes[r].Add(o.Message); MessagesDelivered++; }
                }
            }
        }
        return inboxes;
    }
}
