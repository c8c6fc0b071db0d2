namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>What a driver needs to know of a replica after a round.</summary>
public readonly record struct ReplicaStatus(Digest? Decision, long View, int ViewChangesStarted)
{
    public static ReplicaStatus Of(IPbftReplica replica) => new(replica.Decision, replica.View, replica.ViewChangesStarted);
}

/// <summary>
/// The network rules every PBFT driver shares (<see cref="PbftNetwork"/> in process,
/// <see cref="PbftRoundDriver"/> over grains): canonical delivery order and the instance's outcome.
/// </summary>
public static class PbftDelivery
{
    /// <summary>
    /// Each recipient's inbox, built by scanning senders in id order and each sender's messages in
    /// emission order. Messages whose <see cref="PbftMessage.From"/> is not their sender, or
    /// addressed outside [0, n) or to the sender, are dropped (the network authenticates senders).
    /// </summary>
    public static List<PbftMessage>[] Deliver(IReadOnlyList<IReadOnlyList<Outbound>> inFlight, int n, out long delivered)
    {
        var inboxes = new List<PbftMessage>[n];
        for (var i = 0; i < n; i++) inboxes[i] = [];
        delivered = 0;
        for (var sender = 0; sender < inFlight.Count; sender++)
        {
            foreach (var o in inFlight[sender])
            {
                if (o.Message.From != sender) continue;
                if (o.To is { } to)
                {
                    if (to < 0 || to >= n || to == sender) continue;
                    inboxes[to].Add(o.Message);
                    delivered++;
                }
                else
                {
                    for (var r = 0; r < n; r++)
                        if (r != sender) { inboxes[r].Add(o.Message); delivered++; }
                }
            }
        }
        return inboxes;
    }

    /// <summary>Committed when every honest replica decided the same value.</summary>
    public static PbftRunResult Outcome(IReadOnlyList<ReplicaStatus> replicas, IReadOnlyList<bool> honestFlags, int rounds, long messages)
    {
        var honest = replicas.Where((r, i) => honestFlags[i]).ToArray();
        var values = honest.Select(r => r.Decision).Distinct().ToArray();
        var committed = values.Length == 1 && values[0] is not null;
        var outcome = new PbftOutcome(committed, committed ? values[0] : null, rounds,
            honest.Length == 0 ? 0 : honest.Max(r => r.ViewChangesStarted), messages);
        return new PbftRunResult(outcome, [.. replicas.Select(r => r.Decision)], honestFlags, honest.Length == 0 ? 0 : honest.Max(r => r.View));
    }
}
