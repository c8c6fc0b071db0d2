namespace TokenEconSim.Domain.Consensus.Pbft;

/// <summary>
/// An honest PBFT replica deciding one value for one sequence number (Castro and Liskov,
/// "Practical Byzantine Fault Tolerance", OSDI 1999; "PBFT §x" in this folder is section x of that paper).
/// A pure state machine: no clock, no randomness, no I/O.
/// </summary>
/// <remarks>
/// Validity: the "client request" is the epoch's settlement digest, which every honest validator
/// computes itself, so a replica knows the set of requested digests. A pre-prepare for a digest
/// outside that set is proof of a faulty primary and starts a view change at once, as does a
/// second, different pre-prepare for the same view (equivocation). Otherwise a view changes when
/// the replica has not decided within <see cref="PbftConfig.TimeoutFor"/> rounds (PBFT §4.5.2).
/// Deviations, each for a one-slot instance driven in synchronous rounds: the primary runs the
/// timer too (it is also waiting for its request to execute); a replica decides on any quorum of
/// matching commits, including one forwarded in a <see cref="CommitCertificate"/>, which implies
/// the paper's committed-local whenever the replica is itself prepared. A decided replica stops
/// its timer but keeps voting and joining view changes, so the others can still finish.
/// </remarks>
public sealed class PbftReplica : IPbftReplica
{
    private readonly PbftConfig _config;
    private readonly Digest _proposal;
    private readonly HashSet<Digest> _requests;
    private readonly Dictionary<long, PrePrepare> _accepted = [];
    private readonly VoteLog<Prepare> _prepares = new();
    private readonly VoteLog<Commit> _commits = new();
    private readonly ViewChangeLog _viewChanges = new();
    private readonly HashSet<long> _committedIn = [];
    private readonly SortedSet<int> _askedForViewChange = [];
    private readonly HashSet<int> _certificateSentTo = [];
    private PreparedCertificate? _prepared;
    private CommitCertificate? _proof;
    private bool _started, _changingView, _timerRunning;
    private long _timer;

    /// <param name="id">This replica's id, in [0, n).</param>
    /// <param name="config">The instance's parameters, the same at every replica.</param>
    /// <param name="proposal">The value this replica pre-prepares when it is primary.</param>
    /// <param name="requests">The digests known to be requested; <paramref name="proposal"/> is added to them.</param>
    public PbftReplica(int id, PbftConfig config, Digest proposal, IEnumerable<Digest> requests)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, config.ReplicaCount);
        Id = id;
        _config = config;
        _proposal = proposal;
        _requests = [.. requests, proposal];
    }

    public int Id { get; }
    public long View { get; private set; }
    public Digest? Decision { get; private set; }
    public int ViewChangesStarted { get; private set; }

    /// <summary>True between sending (or joining) a view change and installing the new view.</summary>
    public bool ChangingView => _changingView;

    /// <summary>
    /// A safety alarm: this replica has seen commit quorums for two different digests (in any
    /// views). Impossible with at most f faulty replicas; tests watch it because a decided replica
    /// keeps its first decision and would otherwise hide a second, conflicting quorum.
    /// </summary>
    public bool SawConflictingCommitQuorums { get; private set; }

    /// <summary>The highest prepared certificate this replica holds, if any.</summary>
    public PreparedCertificate? Prepared => _prepared;

    /// <summary>Starts the request timer; the primary of view 0 pre-prepares its proposal (PBFT §4.2).</summary>
    public IReadOnlyList<Outbound> Start()
    {
        if (_started) throw new InvalidOperationException("A replica is started once.");
        _started = true;
        _timerRunning = true;
        var outbox = new List<Outbound>();
        if (_config.Primary(0) == Id)
        {
            var pp = new PrePrepare(0, _config.Sequence, _proposal, Id);
            outbox.Add(Outbound.Broadcast(pp));
            Accept(pp, outbox);
        }
        return outbox;
    }

    public IReadOnlyList<Outbound> Handle(PbftMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outbox = new List<Outbound>();
        if (message.From < 0 || message.From >= _config.ReplicaCount || message.From == Id) return outbox;
        switch (message)
        {
            case PrePrepare pp: OnPrePrepare(pp, outbox); break;
            case Prepare p: OnPrepare(p, outbox); break;
            case Commit c: OnCommit(c, outbox); break;
            case ViewChange vc: OnViewChange(vc, outbox); break;
            case NewView nv: OnNewView(nv, outbox); break;
            case CommitCertificate cc: OnCommitCertificate(cc, outbox); break;
        }
        return outbox;
    }

    /// <summary>One protocol round passes: an undecided replica whose timer expires asks for the next view (PBFT §4.5.2).</summary>
    public IReadOnlyList<Outbound> Tick()
    {
        var outbox = new List<Outbound>();
        if (Decision is null && _timerRunning && ++_timer >= _config.TimeoutFor(View))
            StartViewChange(View + 1, outbox);
        return outbox;
    }

    // PBFT §4.2: accept a pre-prepare only from the primary of the current view, in normal status,
    // if it is the first for (v, n) and for a requested digest; the last two failures expose the primary.
    private void OnPrePrepare(PrePrepare pp, List<Outbound> outbox)
    {
        if (pp.Seq != _config.Sequence || pp.View != View || _changingView || pp.From != _config.Primary(View)) return;
        if (_accepted.TryGetValue(View, out var known))
        {
            if (known.Digest != pp.Digest) StartViewChange(View + 1, outbox);
            return;
        }
        if (!_requests.Contains(pp.Digest))
        {
            StartViewChange(View + 1, outbox);
            return;
        }
        Accept(pp, outbox);
    }

    private void Accept(PrePrepare pp, List<Outbound> outbox)
    {
        _accepted[pp.View] = pp;
        if (pp.From != Id)
        {
            var prepare = new Prepare(pp.View, pp.Seq, pp.Digest, Id);
            _prepares.Add(prepare.View, prepare.Digest, prepare);
            outbox.Add(Outbound.Broadcast(prepare));
        }
        TryPrepare(outbox);
    }

    // Prepares are logged whatever the view (they may arrive before the new-view that makes them
    // current); the primary's own are not counted, as the pre-prepare stands for it (PBFT §4.2).
    private void OnPrepare(Prepare p, List<Outbound> outbox)
    {
        if (p.Seq != _config.Sequence || p.From == _config.Primary(p.View)) return;
        _prepares.Add(p.View, p.Digest, p);
        if (p.View == View) TryPrepare(outbox);
    }

    // PBFT §4.2: prepared(m, v, n, i) = the pre-prepare and Quorum − 1 matching prepares from distinct backups.
    private void TryPrepare(List<Outbound> outbox)
    {
        if (_changingView || _committedIn.Contains(View) || !_accepted.TryGetValue(View, out var pp)) return;
        if (_prepares.Count(View, pp.Digest) < _config.Quorum - 1) return;
        _prepared = new PreparedCertificate(pp, _prepares.Sorted(View, pp.Digest));
        _committedIn.Add(View);
        var commit = new Commit(View, pp.Seq, pp.Digest, Id);
        outbox.Add(Outbound.Broadcast(commit));
        RecordCommit(commit, outbox);
    }

    // Commits count in any view and status: a quorum is a decision however this replica got there.
    private void OnCommit(Commit c, List<Outbound> outbox)
    {
        if (c.Seq == _config.Sequence) RecordCommit(c, outbox);
    }

    private void RecordCommit(Commit c, List<Outbound> outbox)
    {
        if (_commits.Add(c.View, c.Digest, c) < _config.Quorum) return;
        if (Decision is null) Decide(c, outbox);
        else if (Decision != c.Digest) SawConflictingCommitQuorums = true;
    }

    private void Decide(Commit c, List<Outbound> outbox)
    {
        Decision = c.Digest;
        _timerRunning = false;
        _proof = new CommitCertificate(Id, _commits.Sorted(c.View, c.Digest));
        foreach (var replica in _askedForViewChange) SendProof(replica, outbox);
    }

    private void SendProof(int replica, List<Outbound> outbox)
    {
        if (_proof is not null && _certificateSentTo.Add(replica)) outbox.Add(Outbound.Unicast(_proof, replica));
    }

    private void OnCommitCertificate(CommitCertificate cc, List<Outbound> outbox)
    {
        if (Decision is not null || !cc.IsValid(_config)) return;
        foreach (var c in cc.Commits) RecordCommit(c, outbox);
    }

    private void OnViewChange(ViewChange vc, List<Outbound> outbox)
    {
        if (!NewViewRules.IsValid(vc, _config)) return;
        // A replica asking for a view change has not decided; if this one has, the proof ends its wait.
        _askedForViewChange.Add(vc.From);
        SendProof(vc.From, outbox);
        _viewChanges.Add(vc);
        if (_viewChanges.ViewBackedByFPlusOne(View, Id, _config.F) is { } ahead) StartViewChange(ahead, outbox);
        TryCompleteViewChange(outbox);
    }

    // PBFT §4.4: multicast ⟨VIEW-CHANGE, v + 1, n, C, P, i⟩; stop accepting messages of the old view.
    private void StartViewChange(long newView, List<Outbound> outbox)
    {
        if (newView <= View) return;
        View = newView;
        _changingView = true;
        _timerRunning = false;
        _timer = 0;
        ViewChangesStarted++;
        var vc = new ViewChange(newView, Id, _prepared);
        _viewChanges.Add(vc);
        outbox.Add(Outbound.Broadcast(vc));
        TryCompleteViewChange(outbox);
    }

    // PBFT §4.5.2: the timer restarts once a quorum wants the new view, so a replica does not race
    // ahead alone; the new primary then issues the new-view (PBFT §4.4).
    private void TryCompleteViewChange(List<Outbound> outbox)
    {
        if (!_changingView || _viewChanges.Count(View) < _config.Quorum) return;
        if (!_timerRunning && Decision is null) { _timerRunning = true; _timer = 0; }
        if (_config.Primary(View) != Id) return;
        var set = _viewChanges.Sorted(View);
        var pp = new PrePrepare(View, _config.Sequence, NewViewRules.RequiredDigest(set) ?? _proposal, Id);
        outbox.Add(Outbound.Broadcast(new NewView(View, Id, set, pp)));
        Install(pp, outbox);
    }

    // A valid new-view for a later view is accepted even without having asked for it: it proves a
    // quorum moved on (PBFT §4.4).
    private void OnNewView(NewView nv, List<Outbound> outbox)
    {
        if (nv.View < View || (nv.View == View && !_changingView)) return;
        if (!NewViewRules.IsValid(nv, _config, _requests)) return;
        View = nv.View;
        Install(nv.PrePrepare, outbox);
    }

    private void Install(PrePrepare pp, List<Outbound> outbox)
    {
        _changingView = false;
        if (!_timerRunning && Decision is null) { _timerRunning = true; _timer = 0; }
        Accept(pp, outbox);
    }
}
