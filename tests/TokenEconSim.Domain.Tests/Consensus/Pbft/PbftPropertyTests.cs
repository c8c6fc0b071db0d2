using TokenEconSim.Domain.Consensus.Pbft;
using TokenEconSim.Domain.Randomness;
using static TokenEconSim.Domain.Tests.Consensus.Pbft.PbftFixtures;

namespace TokenEconSim.Domain.Tests.Consensus.Pbft;

/// <summary>
/// Seeded random trials of whole instances: n from 4 to 13, up to f Byzantine replicas of random
/// behaviours at random positions (or holding the first primaries), random honest
/// proposals among the requested values, lies that are sometimes requested (a plausible rival)
/// and sometimes not, random timeouts.
/// </summary>
public class PbftPropertyTests
{
    private const int Trials = 1000;

    // Worst case: f = 4 faulty primaries in a row with T = 10 wait Σ T·2^v ≈ 310 rounds, plus a few
    // per view; 2000 leaves room for views lost to unlucky timing.
    private const int RoundLimit = 2000;

    private static readonly ByzantineBehaviour[] Faulty =
    [
        ByzantineBehaviour.Silent, ByzantineBehaviour.EquivocatingPrimary,
        ByzantineBehaviour.WrongDigest, ByzantineBehaviour.Random,
    ];

    [Fact]
    public void UpToFByzantineReplicasNeverBreakSafetyAndEveryInstanceCommits()
    {
        var worstRounds = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var rng = new Xoshiro256StarStar(Seeds.ForShared(2024, trial, RngPurpose.ProposerSelection));
            var (network, description) = RandomTrial(rng, (ulong)trial);
            var result = network.Run(RoundLimit);

            var decided = result.HonestDecisions();
            Assert.True(decided.Count <= 1, $"safety violated: {string.Join(", ", decided)} in {description}");
            Assert.DoesNotContain(network.Replicas.OfType<PbftReplica>(), r => r.SawConflictingCommitQuorums);
            Assert.True(result.Outcome.Committed, $"no commit in {RoundLimit} rounds: {description}, {result.Outcome}");
            Assert.Contains(result.Outcome.Digest!.Value, Requests);
            worstRounds = Math.Max(worstRounds, result.Outcome.Rounds);
        }
        Assert.InRange(worstRounds, 3, RoundLimit);
    }

    // With n − Quorum + 1 silent replicas (f + 1 when n = 3f + 1) the others cannot form a
    // quorum: nobody may decide anything, however long they wait. Each trial runs 300 rounds,
    // well past several doublings of the timeout, which is where a wrong quorum rule would show.
    [Fact]
    public void TooManySilentReplicasBlockEveryCommit()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var rng = new Xoshiro256StarStar(Seeds.ForShared(7, trial, RngPurpose.ProposerSelection));
            var n = rng.Next(4, 14);
            var config = new PbftConfig(n, sequence: trial, timeoutRounds: rng.Next(4, 11));
            var silent = Shuffle(rng, n).Take(n - config.Quorum + 1).ToHashSet();
            if (n == 3 * config.F + 1) Assert.Equal(config.F + 1, silent.Count);
            var behaviours = Enumerable.Range(0, n)
                .Select(i => silent.Contains(i) ? ByzantineBehaviour.Silent : ByzantineBehaviour.None).ToArray();
            var proposals = Enumerable.Range(0, n).Select(_ => Requests[rng.Next(Requests.Length)]).ToArray();
            var result = PbftNetwork.Create(config, proposals, Requests, behaviours, Bogus, (ulong)trial).Run(300);

            Assert.False(result.Outcome.Committed);
            Assert.All(result.Decisions, d => Assert.Null(d));
            Assert.Equal(300, result.Outcome.Rounds);
        }
    }

    private static (PbftNetwork Network, string Description) RandomTrial(Random rng, ulong seed)
    {
        var n = rng.Next(4, 14);
        var config = new PbftConfig(n, sequence: rng.Next(0, 1000), timeoutRounds: rng.Next(4, 11));
        var faultyCount = rng.Next(0, config.F + 1);
        // Faulty replicas at random positions; or the view-0 primary among them; or the primaries
        // of views 0, 1, … in a row, the slowest case, where every view change must time out.
        var order = Shuffle(rng, n);
        order = rng.Next(3) switch
        {
            0 => order,
            1 => [0, .. order.Where(i => i != 0)],
            _ => Enumerable.Range(0, n).ToArray(),
        };
        var behaviours = new ByzantineBehaviour[n];
        foreach (var i in order.Take(faultyCount)) behaviours[i] = Faulty[rng.Next(Faulty.Length)];
        var proposals = Enumerable.Range(0, n).Select(_ => Requests[rng.Next(Requests.Length)]).ToArray();
        var lie = rng.Next(2) == 0 ? B : Bogus;
        var network = PbftNetwork.Create(config, proposals, Requests, behaviours, lie, seed);
        var description = $"n = {n}, T = {config.TimeoutRounds}, behaviours [{string.Join(", ", behaviours)}], "
            + $"proposals [{string.Join(", ", proposals.Select(p => p == A ? "A" : "B"))}], lie {(lie == B ? "B" : "bogus")}, seed {seed}";
        return (network, description);
    }

    private static int[] Shuffle(Random rng, int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
