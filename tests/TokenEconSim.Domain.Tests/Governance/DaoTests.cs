using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Tests.Governance;

public class DaoTests
{
    private static readonly RewardWeights Initial = new(0.4, 0.3, 0.3);
    private static readonly int[] Ids = [10, 11, 12, 13];
    private static readonly double[] Stakes = [40, 30, 20, 10];
    private static readonly double[] Participation = [1, 1, 1];

    private static GovernanceSection Rules(int timelock, params ProposalSection[] proposals) => new()
    {
        Enabled = true, Quorum = 0.5, Threshold = 0.5, Timelock = timelock, AbstainProbability = 0, Proposals = [.. proposals],
    };

    private static List<GovernanceEpoch> Run(Dao dao, int epochs, int[]? ids = null, double[]? stakes = null) =>
        [.. Enumerable.Range(0, epochs).Select(e => dao.Decide(e, ids ?? Ids, stakes ?? Stakes, Participation))];

    [Fact]
    public void APassedProposalTakesEffectExactlyAtVotePlusTimelock()
    {
        var proposal = new ProposalSection { Epoch = 4, Alpha = 0.2, Beta = 0.5, Gamma = 0.3, Support = 1 };
        var epochs = Run(new Dao(Rules(timelock: 3, proposal), 1, Stakes.Sum(), Initial), 10);

        var vote = Assert.Single(epochs[4].Votes);
        Assert.True(vote.Passed);
        Assert.True(vote.QuorumMet);
        Assert.Equal((100.0, 0.0, 0.0), (vote.YesStake, vote.NoStake, vote.AbstainStake));
        Assert.Equal(7, vote.EffectiveEpoch);
        Assert.All(epochs.Take(7), g => Assert.Equal(Initial, g.Weights));                          // epochs 0…6
        Assert.All(epochs.Skip(7), g => Assert.Equal(new RewardWeights(0.2, 0.5, 0.3), g.Weights)); // from 7
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 0, 0, 0], epochs.Select(g => g.Open));
    }

    [Fact]
    public void ATimelockOfZeroAppliesInTheVoteEpochItself()
    {
        var proposal = new ProposalSection { Epoch = 2, Alpha = 0, Beta = 0, Gamma = 1, Support = 1 };
        var epochs = Run(new Dao(Rules(timelock: 0, proposal), 1, Stakes.Sum(), Initial), 4);
        Assert.Equal(Initial, epochs[1].Weights);
        Assert.Equal(new RewardWeights(0, 0, 1), epochs[2].Weights);
    }

    [Fact]
    public void AFailedProposalChangesNothing()
    {
        var rejected = new ProposalSection { Epoch = 3, Alpha = 1, Beta = 0, Gamma = 0, Support = 0 };
        var epochs = Run(new Dao(Rules(timelock: 1, rejected), 1, Stakes.Sum(), Initial), 8);

        var vote = Assert.Single(epochs[3].Votes);
        Assert.False(vote.Passed);
        Assert.True(vote.QuorumMet);          // everyone voted: no
        Assert.Equal(100.0, vote.NoStake);
        Assert.Equal(-1, vote.EffectiveEpoch);
        Assert.All(epochs, g => Assert.Equal(Initial, g.Weights));
        Assert.All(epochs, g => Assert.Equal(0, g.Open));
    }

    [Fact]
    public void WithoutQuorumEvenAUnanimousYesFails()
    {
        var proposal = new ProposalSection { Epoch = 1, Alpha = 0.5, Beta = 0.5, Gamma = 0, Support = 1 };
        // Only the validators holding 40 of 100 stake are active; quorum needs 50.
        var epochs = Run(new Dao(Rules(timelock: 0, proposal), 1, totalStake: 100, Initial), 3, ids: [10], stakes: [40]);
        var vote = Assert.Single(epochs[1].Votes);
        Assert.Equal((40.0, 0.0, 60.0), (vote.YesStake, vote.NoStake, vote.AbstainStake)); // absent stake abstains
        Assert.False(vote.QuorumMet);
        Assert.False(vote.Passed);
        Assert.Equal(Initial, epochs[2].Weights);
    }

    [Fact]
    public void TheAdaptivePolicyShiftsWeightTowardTheRoleWhoseParticipationFellMost()
    {
        var rules = new GovernanceSection
        {
            Enabled = true, Quorum = 0.5, Threshold = 0.5, Timelock = 0, AbstainProbability = 0,
            Adaptive = true, AdaptiveInterval = 5, AdaptiveStep = 0.1, AdaptiveSupport = 1,
        };
        var dao = new Dao(rules, 1, Stakes.Sum(), Initial);
        Assert.Empty(dao.Decide(0, Ids, Stakes, [0.9, 0.9, 0.9]).Votes);   // the first check records the baseline
        var g = dao.Decide(5, Ids, Stakes, [0.85, 0.6, 0.9]);              // trainers fell most
        var vote = Assert.Single(g.Votes);
        Assert.Equal(ProposalKind.Adaptive, vote.Kind);
        Assert.Equal(0.4, vote.Beta, 12);                                   // β + 0.1, from α and γ in proportion
        Assert.Equal(0.4 - 0.1 * 0.4 / 0.7, vote.Alpha, 12);
        Assert.Equal(g.Weights, new RewardWeights(vote.Alpha, vote.Beta, vote.Gamma));
        Assert.Empty(dao.Decide(10, Ids, Stakes, [0.9, 0.9, 0.95]).Votes); // nothing fell: no proposal
    }

    // The simplex constraint holds at every epoch whatever is proposed and however votes go:
    // random scheduled proposals (on the simplex, including its corners and edges), random supports,
    // the adaptive policy with random steps and random participation, random quorum/threshold/timelock.
    [Fact]
    public void AlphaBetaGammaStayOnTheSimplexUnderRandomProposals()
    {
        var rng = new Random(2026);
        for (var trial = 0; trial < 200; trial++)
        {
            var proposals = Enumerable.Range(0, rng.Next(0, 12)).Select(_ => RandomProposal(rng)).ToList();
            var rules = new GovernanceSection
            {
                Enabled = true, Quorum = 0.05 + 0.95 * rng.NextDouble(), Threshold = 0.05 + 0.95 * rng.NextDouble(),
                Timelock = rng.Next(0, 5), AbstainProbability = rng.NextDouble() * 0.5, Proposals = proposals,
                Adaptive = rng.Next(2) == 0, AdaptiveInterval = rng.Next(1, 6), AdaptiveStep = 0.01 + rng.NextDouble(),
                AdaptiveSupport = rng.NextDouble(),
            };
            var dao = new Dao(rules, trial, Stakes.Sum(), RandomWeights(rng));
            var applied = 0;
            for (var e = 0; e < 60; e++)
            {
                var g = dao.Decide(e, Ids, Stakes, [rng.NextDouble(), rng.NextDouble(), rng.NextDouble()]);
                Assert.True(Simplex.Contains(g.Weights), $"trial {trial}, epoch {e}: {g.Weights}");
                applied += g.Passed;
            }
            Assert.True(applied <= proposals.Count + 60);
        }
    }

    [Fact]
    public void AProposalOffTheSimplexIsRefused()
    {
        var bad = new ProposalSection { Epoch = 0, Alpha = 0.5, Beta = 0.5, Gamma = 0.5 };
        var dao = new Dao(Rules(0, bad), 1, Stakes.Sum(), Initial);
        Assert.Throws<ArgumentException>(() => dao.Decide(0, Ids, Stakes, Participation));
    }

    [Fact]
    public void StateRoundTripsExactly()
    {
        var scheduled = Rules(timelock: 4, new ProposalSection { Epoch = 2, Alpha = 0.1, Beta = 0.1, Gamma = 0.8, Support = 1 });
        var rules = new GovernanceSection
        {
            Enabled = true, Quorum = scheduled.Quorum, Threshold = scheduled.Threshold, Timelock = 4, AbstainProbability = 0.2,
            Proposals = scheduled.Proposals, Adaptive = true, AdaptiveInterval = 3, AdaptiveStep = 0.1, AdaptiveSupport = 0.8,
        };
        var dao = new Dao(rules, 3, Stakes.Sum(), Initial);
        for (var e = 0; e < 4; e++) dao.Decide(e, Ids, Stakes, [0.9 - 0.1 * e, 0.8, 0.7]);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) dao.WriteState(w);
        var copy = new Dao(rules, 3, Stakes.Sum(), new RewardWeights(1, 0, 0));
        stream.Position = 0;
        copy.ReadState(new BinaryReader(stream));
        for (var e = 4; e < 12; e++)
        {
            double[] p = [0.5 + 0.03 * e, 0.9 - 0.05 * e, 0.7];
            Assert.Equal(dao.Decide(e, Ids, Stakes, p), copy.Decide(e, Ids, Stakes, p), GovernanceEpochComparer.Instance);
        }
    }

    private static ProposalSection RandomProposal(Random rng)
    {
        var w = RandomWeights(rng);
        return new ProposalSection { Epoch = rng.Next(0, 60), Alpha = w.Alpha, Beta = w.Beta, Gamma = w.Gamma, Support = rng.NextDouble() };
    }

    /// <summary>A point of the simplex: a corner, an edge, or the interior (normalised exponentials).</summary>
    private static RewardWeights RandomWeights(Random rng)
    {
        switch (rng.Next(4))
        {
            case 0: return rng.Next(3) switch { 0 => new(1, 0, 0), 1 => new(0, 1, 0), _ => new(0, 0, 1) };
            case 1:
                var a = rng.NextDouble();
                return new RewardWeights(a, 1 - a, 0);
            default:
                double x = -Math.Log(1 - rng.NextDouble()), y = -Math.Log(1 - rng.NextDouble()), z = -Math.Log(1 - rng.NextDouble());
                var s = x + y + z;
                return new RewardWeights(x / s, y / s, 1 - x / s - y / s);
        }
    }

    private sealed class GovernanceEpochComparer : IEqualityComparer<GovernanceEpoch>
    {
        public static readonly GovernanceEpochComparer Instance = new();
        public bool Equals(GovernanceEpoch? a, GovernanceEpoch? b) =>
            a!.Weights == b!.Weights && a.Open == b.Open && a.Votes.SequenceEqual(b.Votes);
        public int GetHashCode(GovernanceEpoch g) => g.Weights.GetHashCode();
    }
}
