using TokenEconSim.Domain.Consensus.Pbft;
using static TokenEconSim.Domain.Tests.Consensus.Pbft.PbftFixtures;

namespace TokenEconSim.Domain.Tests.Consensus.Pbft;

/// <summary>One replica driven by hand, message by message.</summary>
public class PbftReplicaTests
{
    private static readonly PbftConfig Config = new(4, sequence: 7, timeoutRounds: 4);

    private static PbftReplica Backup(int id = 1)
    {
        var r = new PbftReplica(id, Config, A, Requests);
        r.Start();
        return r;
    }

    [Fact]
    public void PrimaryPrePreparesItsProposalOnStart()
    {
        var sent = new PbftReplica(0, Config, B, Requests).Start();
        Assert.Equal([Outbound.Broadcast(new PrePrepare(0, 7, B, 0))], sent);
    }

    [Fact]
    public void BackupPreparesAValidPrePrepare()
    {
        var sent = Backup().Handle(new PrePrepare(0, 7, A, 0));
        Assert.Equal([Outbound.Broadcast(new Prepare(0, 7, A, 1))], sent);
    }

    [Fact]
    public void PrePreparesFromANonPrimaryOrAnotherSlotAreIgnored()
    {
        var r = Backup();
        Assert.Empty(r.Handle(new PrePrepare(0, 7, A, 2)));
        Assert.Empty(r.Handle(new PrePrepare(0, 8, A, 0)));
        Assert.Empty(r.Handle(new PrePrepare(1, 7, A, 1))); // view 1 is not current yet
    }

    [Fact]
    public void AnUnrequestedDigestExposesThePrimary()
    {
        var r = Backup();
        var sent = r.Handle(new PrePrepare(0, 7, Bogus, 0));
        Assert.Equal([Outbound.Broadcast(new ViewChange(1, 1, null))], sent);
        Assert.True(r.ChangingView);
        Assert.Equal(1, r.View);
    }

    [Fact]
    public void TwoDifferentPrePreparesForOneSlotAreEquivocation()
    {
        var r = Backup();
        r.Handle(new PrePrepare(0, 7, A, 0));
        Assert.Empty(r.Handle(new PrePrepare(0, 7, A, 0))); // a duplicate is harmless
        var sent = r.Handle(new PrePrepare(0, 7, B, 0));
        Assert.Equal(new ViewChange(1, 1, null), Assert.Single(sent).Message);
    }

    // Quorum − 1 = 2 prepares from distinct backups (own included) prepare; the primary's and repeats do not count.
    [Fact]
    public void PreparedNeedsDistinctBackupPrepares()
    {
        var r = Backup();
        r.Handle(new PrePrepare(0, 7, A, 0));
        Assert.Empty(r.Handle(new Prepare(0, 7, A, 0)));
        Assert.Empty(r.Handle(new Prepare(0, 7, B, 2)));
        Assert.Null(r.Prepared);
        var sent = r.Handle(new Prepare(0, 7, A, 2));
        Assert.Equal([Outbound.Broadcast(new Commit(0, 7, A, 1))], sent);
        Assert.NotNull(r.Prepared);
        Assert.Equal([1, 2], r.Prepared!.Prepares.Select(p => p.From));
    }

    [Fact]
    public void DecidesOnAQuorumOfDistinctMatchingCommits()
    {
        var r = Backup();
        r.Handle(new Commit(0, 7, A, 0));
        r.Handle(new Commit(0, 7, A, 0));
        r.Handle(new Commit(0, 7, B, 2));
        r.Handle(new Commit(1, 7, A, 2));
        Assert.Null(r.Decision);
        r.Handle(new Commit(0, 7, A, 2));
        r.Handle(new Commit(0, 7, A, 3));
        Assert.Equal(A, r.Decision);
    }

    [Fact]
    public void TimeoutStartsAViewChangeThatCarriesThePreparedCertificate()
    {
        var r = Backup();
        r.Handle(new PrePrepare(0, 7, A, 0));
        r.Handle(new Prepare(0, 7, A, 2));
        for (var i = 0; i < 3; i++) Assert.Empty(r.Tick());
        var vc = Assert.IsType<ViewChange>(Assert.Single(r.Tick()).Message);
        Assert.Equal(1, vc.NewView);
        Assert.Equal(A, vc.Prepared!.Digest);
        Assert.Equal(1, r.ViewChangesStarted);
    }

    // PBFT §4.5.2: f + 1 = 2 others asking for a later view pull a replica along before its timer expires.
    [Fact]
    public void FPlusOneViewChangesPullAReplicaAlong()
    {
        var r = Backup(2);
        Assert.Empty(r.Handle(new ViewChange(3, 0, null)));
        var sent = r.Handle(new ViewChange(5, 3, null));
        Assert.Equal(new ViewChange(3, 2, null), Assert.Single(sent).Message);
        Assert.Equal(3, r.View);
    }

    // The new primary of view 1 re-proposes the certified digest, not its own proposal (PBFT §4.4).
    [Fact]
    public void NewPrimaryReProposesTheHighestPreparedDigest()
    {
        var r = new PbftReplica(1, Config, A, Requests);
        r.Start();
        var cert = new PreparedCertificate(new PrePrepare(0, 7, B, 0), [new Prepare(0, 7, B, 2), new Prepare(0, 7, B, 3)]);
        r.Handle(new ViewChange(1, 2, cert));
        var sent = r.Handle(new ViewChange(1, 3, null));
        var nv = Assert.IsType<NewView>(sent.Select(o => o.Message).OfType<NewView>().Single());
        Assert.Equal(B, nv.PrePrepare.Digest);
        Assert.Equal([1, 2, 3], nv.ViewChanges.Select(v => v.From));
        Assert.False(r.ChangingView);
    }

    [Fact]
    public void NewViewThatIgnoresACertificateIsRejected()
    {
        var r = Backup(2);
        var cert = new PreparedCertificate(new PrePrepare(0, 7, B, 0), [new Prepare(0, 7, B, 2), new Prepare(0, 7, B, 3)]);
        ViewChange[] set = [new(1, 0, null), new(1, 1, null), new(1, 3, cert)];
        Assert.Empty(r.Handle(new NewView(1, 1, set, new PrePrepare(1, 7, A, 1))));
        Assert.Equal(0, r.View);
        var sent = r.Handle(new NewView(1, 1, set, new PrePrepare(1, 7, B, 1)));
        Assert.Equal([Outbound.Broadcast(new Prepare(1, 7, B, 2))], sent);
        Assert.Equal(1, r.View);
    }

    [Fact]
    public void ForgedCertificatesAreRejected()
    {
        // Too few prepares, or one of them from the primary itself.
        var thin = new PreparedCertificate(new PrePrepare(0, 7, B, 0), [new Prepare(0, 7, B, 2)]);
        var withPrimary = new PreparedCertificate(new PrePrepare(0, 7, B, 0), [new Prepare(0, 7, B, 0), new Prepare(0, 7, B, 2)]);
        Assert.False(thin.IsValid(Config));
        Assert.False(withPrimary.IsValid(Config));
        var commits = new CommitCertificate(1, [new Commit(0, 7, A, 0), new Commit(0, 7, A, 0), new Commit(0, 7, A, 2)]);
        Assert.False(commits.IsValid(Config));
    }

    [Fact]
    public void ADecidedReplicaAnswersAViewChangeWithItsCommitCertificate()
    {
        var r = Backup();
        foreach (var from in new[] { 0, 2, 3 }) r.Handle(new Commit(0, 7, A, from));
        var sent = r.Handle(new ViewChange(1, 3, null));
        var proof = Assert.Single(sent);
        Assert.Equal(3, proof.To);
        var lagging = Backup(3);
        lagging.Handle(proof.Message);
        Assert.Equal(A, lagging.Decision);
        Assert.Empty(r.Handle(new ViewChange(2, 3, null))); // answered once per replica
    }

    // A view change that arrived before the decision is answered at the decision.
    [Fact]
    public void AReplicaThatAskedEarlierGetsTheProofOnDecision()
    {
        var r = Backup();
        Assert.Empty(r.Handle(new ViewChange(1, 3, null)));
        r.Handle(new Commit(0, 7, A, 0));
        r.Handle(new Commit(0, 7, A, 2));
        var sent = r.Handle(new Commit(0, 7, A, 3));
        var proof = Assert.IsType<CommitCertificate>(Assert.Single(sent, o => o.To == 3).Message);
        Assert.Equal([0, 2, 3], proof.Commits.Select(c => c.From));
    }

    [Fact]
    public void ASecondCommitQuorumForAnotherDigestRaisesTheSafetyAlarm()
    {
        var r = Backup();
        foreach (var from in new[] { 0, 2, 3 }) r.Handle(new Commit(0, 7, A, from));
        Assert.False(r.SawConflictingCommitQuorums);
        foreach (var from in new[] { 0, 2, 3 }) r.Handle(new Commit(1, 7, B, from));
        Assert.True(r.SawConflictingCommitQuorums);
        Assert.Equal(A, r.Decision);
    }
}
