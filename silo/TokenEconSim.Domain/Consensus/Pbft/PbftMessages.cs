namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// A PBFT protocol message (PBFT §4.2–§4.4, see <see cref="PbftReplica"/>). <see cref="From"/> is the
/// sender's replica id.
/// </summary>
/// <remarks>
/// Authentication is assumed, not computed: the network never forges <see cref="From"/>, and a
/// message embedded in another (a certificate) is as unforgeable as if signed. This stands for the
/// paper's signatures (PBFT §4: view-change and new-view messages are signed so that certificates can
/// be forwarded). A Byzantine replica may sign anything in its own name, never in another's; the
/// behaviours in this folder respect that by only embedding messages they received.
/// Records holding lists compare those lists by reference; the protocol never relies on message
/// equality, only on (view, sequence, digest, sender).
/// </remarks>
public abstract record PbftMessage(int From);

/// <summary>The primary's proposal of <paramref name="Digest"/> for slot (view, seq) (PBFT §4.2).</summary>
public sealed record PrePrepare(long View, long Seq, Digest Digest, int From) : PbftMessage(From);

/// <summary>A backup's acceptance of the pre-prepare (PBFT §4.2).</summary>
public sealed record Prepare(long View, long Seq, Digest Digest, int From) : PbftMessage(From);

/// <summary>Sent once the sender is prepared: it has the pre-prepare and a quorum of prepares (PBFT §4.2).</summary>
public sealed record Commit(long View, long Seq, Digest Digest, int From) : PbftMessage(From);

/// <summary>
/// A request to move to <paramref name="NewView"/>, carrying the sender's highest prepared
/// certificate if it has one (PBFT §4.4; one sequence number per instance, so set P has at most one entry).
/// </summary>
public sealed record ViewChange(long NewView, int From, PreparedCertificate? Prepared) : PbftMessage(From);

/// <summary>
/// The new primary's announcement of <paramref name="View"/>: the quorum of view changes that
/// justify it and the pre-prepare it re-issues (PBFT §4.4, sets V and O).
/// </summary>
public sealed record NewView(long View, int From, IReadOnlyList<ViewChange> ViewChanges, PrePrepare PrePrepare)
    : PbftMessage(From);
