using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>The logit, ε-greedy and UCB1 rules on their own, and through an agent's state.</summary>
public class ChoiceRulesTests
{
    private static readonly double[] Utilities = [0.0, 1.5, -2.0, 1.0];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(700.0)]
    public void LogitProbabilitiesArePositiveAndSumToOne(double lambda)
    {
        var p = new double[Utilities.Length];
        ChoiceRules.LogitProbabilities(Utilities, lambda, p);
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.All(p, x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public void LogitIsUniformAtZeroAndTendsToTheArgmaxAsLambdaGrows()
    {
        var p = new double[Utilities.Length];
        ChoiceRules.LogitProbabilities(Utilities, 0, p);
        Assert.All(p, x => Assert.Equal(0.25, x, 12));
        var previous = 0.0;
        foreach (var lambda in new[] { 0.5, 2, 8, 32, 1e6 })
        {
            ChoiceRules.LogitProbabilities(Utilities, lambda, p);
            Assert.True(p[1] > previous, $"P(argmax) grows with λ: {p[1]} at λ = {lambda}");
            previous = p[1];
        }
        Assert.Equal(1.0, previous, 12);
        // By hand at λ = 1: e^1.5 / (e^0 + e^1.5 + e^-2 + e^1).
        ChoiceRules.LogitProbabilities(Utilities, 1, p);
        Assert.Equal(Math.Exp(1.5) / (1 + Math.Exp(1.5) + Math.Exp(-2) + Math.E), p[1], 12);
    }

    [Fact]
    public void LogitDrawsFollowTheProbabilities()
    {
        var rng = new Xoshiro256StarStar(9);
        var counts = new int[Utilities.Length];
        const int draws = 200_000;
        for (var k = 0; k < draws; k++) counts[ChoiceRules.Logit(Utilities, 1, rng)]++;
        var p = new double[Utilities.Length];
        ChoiceRules.LogitProbabilities(Utilities, 1, p);
        for (var a = 0; a < p.Length; a++)
            Assert.InRange(counts[a] / (double)draws, p[a] - 0.005, p[a] + 0.005); // > 4 standard errors
    }

    [Fact]
    public void EpsilonZeroIsGreedyAndEpsilonOneIsUniform()
    {
        var rng = new Xoshiro256StarStar(4);
        for (var k = 0; k < 1_000; k++) Assert.Equal(1, ChoiceRules.EpsilonGreedy(Utilities, 0, rng));
        var counts = new int[Utilities.Length];
        for (var k = 0; k < 40_000; k++) counts[ChoiceRules.EpsilonGreedy(Utilities, 1, rng)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void ArgmaxBreaksTiesTowardsTheLowestIndex() => Assert.Equal(1, ChoiceRules.Argmax([0.0, 2, 2, 1]));

    [Fact]
    public void Ucb1TriesEveryArmOnceInOrderThenTheHighestIndex()
    {
        var means = new double[3];
        var pulls = new int[3];
        for (var expected = 0; expected < 3; expected++)
        {
            Assert.Equal(expected, ChoiceRules.Ucb1(means, pulls, 1));
            pulls[expected] = 1;
        }
        // Means 1, 0, 0.5 after one pull each (t = 3): the bonus is equal, so the best mean wins.
        (means[0], means[1], means[2]) = (1, 0, 0.5);
        Assert.Equal(0, ChoiceRules.Ucb1(means, pulls, 1));
        // Arm 0 pulled 100 times, arm 2 once (t = 102): 1 + √(2 ln 102/100) ≈ 1.30 < 0.5 + √(2 ln 102) ≈ 3.54.
        pulls[0] = 100;
        pulls[1] = 1;
        Assert.Equal(2, ChoiceRules.Ucb1(means, pulls, 1));
        Assert.Equal(0, ChoiceRules.Ucb1(means, pulls, 0)); // no bonus: greedy
    }

    [Fact]
    public void AUcbAgentPlaysEveryActionOnceBeforeExploitingItsBest()
    {
        var section = new TrainerBehaviour
        {
            Model = BehaviourModel.Bandit, Bandit = BanditRule.Ucb1, Levels = 3, UcbScale = 1, GpuHours = 10, CostPerGpuHour = 1,
        };
        var actions = ActionSet.For(section);
        Assert.Equal(4, actions.Count); // idle, 5 h, 10 h, 20 h
        var state = new RoleBehaviour(section, actions, 0, 1, 1);
        var rng = new Xoshiro256StarStar(2);
        var played = new List<int>();
        var terms = new EpochTerms(double.NaN);
        for (var epoch = 0; epoch < 40; epoch++)
        {
            if (epoch >= 2)
            {
                // Paid 3 per GPU-hour at a cost of 1: profit 2 per hour, so 20 h is best.
                var a = played[epoch - 2];
                state.Settle(0, epoch - 2, TokenEconSim.Domain.Tokens.TokenUnits.FromTokens(3 * actions.Amount(a)));
            }
            played.Add(state.Decide(0, epoch, rng, terms, 1, long.MaxValue).Action);
        }
        // Every arm before any is repeated on its merits, in index order; a decision waits two epochs
        // for its profit (the pipeline), so an untried arm is played again until its first result.
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3], played.Take(8));
        Assert.True(played.Skip(20).Count(a => a == 3) >= 15, "then mostly the best arm: " + string.Join(",", played));
    }
}
