using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Tests.Governance;

/// <summary>
/// Payoff voting (docs/model.md §11): the bonded providers and trainers vote their bonds by the proposal's effect on their own pay,
/// validators abstain, and the quorum counts the validators' stake and the bonds together. Nothing is drawn.
/// </summary>
public class PayoffVotingTests
{
    private static readonly RewardWeights Initial = new(0.4, 0.3, 0.3);
    private static readonly int[] Validators = [10, 11];
    private static readonly double[] ValidatorStakes = [30, 20];   // S_V = 50

    private static GovernanceEpoch Vote(ProposalSection proposal, double[] bonded, double quorum = 0.5)
    {
        var rules = new GovernanceSection
        {
            Enabled = true, Quorum = quorum, Threshold = 0.5, Timelock = 0, Voting = GovernanceVoting.Payoff, Proposals = [proposal],
        };
        var dao = new Dao(rules, 1, ValidatorStakes.Sum(), Initial);
        return dao.Decide(0, Validators, ValidatorStakes, [1, 1, 1], new PayoffVoters(bonded));
    }

    [Fact]
    public void EachBondedRoleVotesForMoreWeightToItselfAndTheLargerBondWins()
    {
        // Weight moves from data (0.4 → 0.2) to training (0.3 → 0.5): providers (bond 300) say no, trainers (bond 100) yes.
        var toTraining = new ProposalSection { Epoch = 0, Alpha = 0.2, Beta = 0.5, Gamma = 0.3 };
        var vote = Assert.Single(Vote(toTraining, [300, 100, 0]).Votes);

        Assert.Equal((100.0, 300.0), (vote.YesStake, vote.NoStake));
        Assert.Equal(50.0, vote.AbstainStake);  // the validators, indifferent
        Assert.True(vote.QuorumMet);            // 400 of 450 ≥ half
        Assert.False(vote.Passed);

        // The same proposal with the bonds the other way round passes, and takes effect (timelock 0).
        var epoch = Vote(toTraining, [100, 300, 0]);
        Assert.True(Assert.Single(epoch.Votes).Passed);
        Assert.Equal(new RewardWeights(0.2, 0.5, 0.3), epoch.Weights);
    }

    [Fact]
    public void ARoleWhoseWeightDoesNotMoveAbstainsAndTheValidatorsStakeCountsTowardTheQuorum()
    {
        // Only gamma and beta move: providers (α unchanged) abstain; trainers lose weight and say no; nothing else votes.
        var toUsage = new ProposalSection { Epoch = 0, Alpha = 0.4, Beta = 0.2, Gamma = 0.4 };
        var vote = Assert.Single(Vote(toUsage, [300, 40, 0], quorum: 0.2).Votes);

        Assert.Equal((0.0, 40.0, 350.0), (vote.YesStake, vote.NoStake, vote.AbstainStake));
        // 40 of S_V + bonds = 390 is below a 20 % quorum (78): the validators' stake is eligible even though it never votes.
        Assert.False(vote.QuorumMet);
        Assert.False(vote.Passed);
    }

    [Theory]
    [InlineData(0, 0.5, 1)]
    [InlineData(0, 0.3, -1)]
    [InlineData(1, 0.3 + 5e-10, 0)] // within the simplex's tolerance: the same weight
    [InlineData(2, 0.3, 0)]
    public void PreferenceFollowsTheRolesOwnWeight(int role, double proposed, int expected)
    {
        RewardWeights current = new(0.4, 0.3, 0.3);
        var w = role switch
        {
            0 => current with { Alpha = proposed },
            1 => current with { Beta = proposed },
            _ => current with { Gamma = proposed },
        };
        Assert.Equal(expected, PayoffVoters.Preference(current, w, role));
    }
}
