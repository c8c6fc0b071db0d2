namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// The fixed parameters of one PBFT instance, shared by every replica: n replicas tolerating
/// f = ⌊(n − 1) / 3⌋ Byzantine ones, deciding one value for one sequence number (an epoch).
/// </summary>
/// <remarks>
/// PBFT (the paper cited on <see cref="PbftReplica"/>) takes n = 3f + 1 and quorums of 2f + 1.
/// For n &gt; 3f + 1 (n = 5, 6, 8, …) 2f + 1 is not enough: two quorums of 2f + 1 out of n may
/// then meet in fewer than f + 1 replicas, i.e. only in faulty ones. <see cref="Quorum"/> is therefore ⌈(n + f + 1) / 2⌉, the
/// smallest size whose pairwise intersections hold f + 1 replicas (one honest); it equals 2f + 1
/// when n = 3f + 1, and is at most n − f, so the honest replicas alone still form a quorum.
/// </remarks>
public sealed record PbftConfig
{
    /// <summary>Replicas in the instance; PBFT needs at least 4 (n = 3f + 1 with f ≥ 1).</summary>
    public int ReplicaCount { get; }

    /// <summary>The sequence number every message of this instance carries (the epoch).</summary>
    public long Sequence { get; }

    /// <summary>Protocol rounds an undecided replica waits in view 0 before asking for a view change;
    /// view v waits <c>TimeoutRounds · 2^v</c> (PBFT §4.5.2's doubling, so that views eventually
    /// last long enough for an honest primary to finish).</summary>
    public int TimeoutRounds { get; }

    public int F => (ReplicaCount - 1) / 3;

    /// <summary>Matching commits (and view changes) needed; prepared needs the pre-prepare plus Quorum − 1 prepares.</summary>
    public int Quorum => (ReplicaCount + F + 2) / 2; // ⌈(n + f + 1) / 2⌉

    public PbftConfig(int replicaCount, long sequence = 0, int timeoutRounds = 8)
    {
        if (replicaCount < 4)
            throw new ArgumentException(
                $"PBFT needs n ≥ 4 replicas (n = 3f + 1 with f ≥ 1 tolerated fault); got n = {replicaCount}.",
                nameof(replicaCount));
        // Below 4 rounds even an honest primary cannot finish (pre-prepare, prepare, commit, deliver).
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutRounds, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ReplicaCount = replicaCount;
        Sequence = sequence;
        TimeoutRounds = timeoutRounds;
    }

    /// <summary>The primary of view v is replica v mod n (PBFT §4).</summary>
    public int Primary(long view) => (int)(view % ReplicaCount);

    /// <summary>Rounds to wait in <paramref name="view"/>; the exponent is capped so it cannot overflow.</summary>
    public long TimeoutFor(long view) => (long)TimeoutRounds << (int)Math.Min(view, 30);
}
