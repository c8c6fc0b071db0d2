using TokenEconSim.Domain.Consensus.Pbft;
using static TokenEconSim.Domain.Tests.Consensus.Pbft.PbftFixtures;

namespace TokenEconSim.Domain.Tests.Consensus.Pbft;

public class PbftScenarioTests
{
    // Normal case (PBFT §4.2–4.3): pre-prepare in round 0, prepares in round 1, commits in round 2,
    // decided on delivery in round 3. Messages: (n−1) pre-prepares + (n−1)² prepares + n(n−1) commits.
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(13)]
    public void AllHonestCommitInThreeRoundsWithoutViewChange(int n)
    {
        var result = PbftFixtures.Network(n).Run(100);
        Assert.Equal(new PbftOutcome(true, A, 3, 0, (n - 1) + (n - 1) * (n - 1) + n * (n - 1)), result.Outcome);
        Assert.All(result.Decisions, d => Assert.Equal(A, d));
        Assert.Equal(0, result.FinalView);
    }

    // Primary 0 says nothing: the backups time out after T rounds, move to view 1, and replica 1 commits its value.
    [Fact]
    public void SilentPrimaryIsReplacedByAViewChange()
    {
        var result = PbftFixtures.Network(4, new Dictionary<int, ByzantineBehaviour> { [0] = ByzantineBehaviour.Silent }, timeoutRounds: 6).Run(200);
        Assert.True(result.Outcome.Committed);
        Assert.Equal(A, result.Outcome.Digest);
        Assert.Equal(1, result.FinalView);
        Assert.Equal(1, result.Outcome.ViewChanges);
        // 6 rounds of waiting, then view change, new-view, prepare, commit, deliver.
        Assert.InRange(result.Outcome.Rounds, 6 + 4, 6 + 6);
    }

    // n = 7: primary 0 pre-prepares A to replicas 1–3 and the requested rival B to 4–6. Neither
    // half reaches Quorum − 1 = 4 prepares, so nothing prepares, the view changes, and the honest
    // primary of view 1 proposes afresh (no certificate exists).
    [Fact]
    public void EquivocatingPrimaryTriggersAViewChangeAndTheNextPrimaryCommits()
    {
        var result = PbftFixtures.Network(7, new Dictionary<int, ByzantineBehaviour> { [0] = ByzantineBehaviour.EquivocatingPrimary }, lie: B)
            .Run(300);
        Assert.True(result.Outcome.Committed);
        Assert.Equal(A, result.Outcome.Digest);
        Assert.Equal(1, result.FinalView);
        Assert.True(result.Outcome.ViewChanges >= 1);
    }

    // n = 4 with an unrequested rival: replica 3 gets the bogus pre-prepare and leaves view 0 at
    // once; 1 and 2 (with the primary's commit) still decide A, and replica 3 learns the decision
    // from their commit certificates when it asks for a view change.
    [Fact]
    public void AReplicaThatSawABogusPrePrepareStillLearnsTheDecision()
    {
        var result = PbftFixtures.Network(4, new Dictionary<int, ByzantineBehaviour> { [0] = ByzantineBehaviour.EquivocatingPrimary }, lie: Bogus)
            .Run(300);
        Assert.True(result.Outcome.Committed);
        Assert.Equal(A, result.Outcome.Digest);
        Assert.Equal(1, result.Outcome.ViewChanges);
    }

    [Theory]
    [InlineData(4, new[] { 2 })]
    [InlineData(7, new[] { 1, 5 })]
    [InlineData(13, new[] { 3, 4, 8, 12 })]
    public void WrongDigestVotersUpToFDoNotPreventCommit(int n, int[] liars)
    {
        var byzantine = liars.ToDictionary(i => i, _ => ByzantineBehaviour.WrongDigest);
        var result = PbftFixtures.Network(n, byzantine, lie: B).Run(300);
        Assert.True(result.Outcome.Committed);
        Assert.Equal(A, result.Outcome.Digest);
        Assert.Equal(0, result.Outcome.ViewChanges);
    }

    // A Byzantine primary that is also a wrong-digest voter cannot stop the backups either.
    [Fact]
    public void WrongDigestPrimaryStillCommits()
    {
        var result = PbftFixtures.Network(4, new Dictionary<int, ByzantineBehaviour> { [0] = ByzantineBehaviour.WrongDigest }).Run(300);
        Assert.True(result.Outcome.Committed);
        Assert.Equal(A, result.Outcome.Digest);
    }

    [Fact]
    public void RunsAreReproducibleFromTheSeed()
    {
        PbftRunResult Run(ulong seed) => PbftFixtures.Network(7, new Dictionary<int, ByzantineBehaviour>
        {
            [0] = ByzantineBehaviour.Random,
            [3] = ByzantineBehaviour.Random,
        }, seed: seed).Run(500);
        Assert.Equal(Run(42).Outcome, Run(42).Outcome);
        Assert.True(Run(42).Outcome.Committed);
    }

    [Fact]
    public void MessagesClaimingAnotherSenderAreDropped()
    {
        var forger = new ForgingReplica(1, pretendingToBe: 0);
        var replicas = new IPbftReplica[] { new SilentReplica(0), forger, Honest(2), Honest(3) };
        var network = new PbftNetwork(replicas, [false, false, true, true]);
        network.Step();
        Assert.Equal(0, network.MessagesDelivered);
        Assert.All(network.Replicas.Skip(2), r => Assert.Equal(0, r.View));

        static PbftReplica Honest(int id) => new(id, new PbftConfig(4), A, Requests);
    }

    // Tries to speak for replica 0 as primary.
    private sealed class ForgingReplica(int id, int pretendingToBe) : IPbftReplica
    {
        public int Id => id;
        public long View => 0;
        public Digest? Decision => null;
        public int ViewChangesStarted => 0;
        public IReadOnlyList<Outbound> Start() => [Outbound.Broadcast(new PrePrepare(0, 0, Bogus, pretendingToBe))];
        public IReadOnlyList<Outbound> Handle(PbftMessage message) => [];
        public IReadOnlyList<Outbound> Tick() => [];
    }
}
