using TokenEconSim.Domain.Behaviour;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Behaviour;

/// <summary>Each role's cost and value formula, and the action sets built from the scenario's sections.</summary>
public class CostsAndActionsTests
{
    [Fact]
    public void CostsFollowTheirFormulas()
    {
        Assert.Equal(100 * (0.5 + 1 * 0.8 * 0.8), RoleCosts.ProviderBatch(100, 0.8, 0.5, 1, 2), 12); // n·(c₀ + c₁·q^k)
        Assert.True(RoleCosts.ProviderBatch(100, 0.95, 0.5, 1, 2) > RoleCosts.ProviderBatch(100, 0.6, 0.5, 1, 2)); // quality costs
        Assert.Equal(50, RoleCosts.Trainer(10, 5));
        Assert.Equal(150, RoleCosts.MinerEnergy(1.5, 100));
        Assert.Equal(0.02, RoleCosts.ValidatorStake(20, 0.001), 15);
        Assert.Equal(0.05, RoleCosts.UserValuePerCall(0.05, 0.9, 0.9, 1), 15);         // at the reference accuracy, v₀
        Assert.Equal(0.05 * 0.95 / 0.9, RoleCosts.UserValuePerCall(0.05, 0.95, 0.9, 1), 15); // rises with accuracy
        Assert.Equal(20 * (0.05 - 0.01), RoleCosts.UserSurplus(20, 0.05, 0.01), 15);
        Assert.Equal(25, RoleCosts.ToTokens(50, inStable: true, tokenPrice: 2));       // 50 stable at 2 stable per token
        Assert.Equal(50, RoleCosts.ToTokens(50, inStable: false, tokenPrice: 2));
    }

    [Fact]
    public void ProvidersChooseHowMuchAndHowWellAndWithCheatingAlsoWhetherToCheat()
    {
        var section = new ProviderBehaviour { Model = BehaviourModel.Logit };
        var actions = ActionSet.For(section);
        Assert.Equal(1 + 3 * 2, actions.Count); // idle + 3 batch sizes × 2 qualities
        Assert.Equal([0.0, 50, 50, 100, 100, 200, 200], Enumerable.Range(0, actions.Count).Select(actions.Amount));
        Assert.Equal([0.0, 0.6, 0.95, 0.6, 0.95, 0.6, 0.95], Enumerable.Range(0, actions.Count).Select(actions.Effort));
        Assert.Equal(100 * 0.95, actions.Units(4), 12);   // V_D = n·q
        Assert.Equal(RoleCosts.ProviderBatch(100, 0.95, 0.5, 1, 2), actions.Cost(4), 12);
        Assert.Equal(4, actions.DefaultAction);          // middle size, best quality

        var cheating = ActionSet.For(new ProviderBehaviour { Model = BehaviourModel.Logit, Cheating = true, CheatCostFraction = 0.25, Slash = 7 });
        Assert.Equal(1 + 6 + 6, cheating.Count);
        for (var a = 1; a <= 6; a++)
        {
            Assert.False(cheating.Cheats(a));
            Assert.True(cheating.Cheats(a + 6));
            Assert.Equal(cheating.Units(a), cheating.Units(a + 6));           // it claims the same
            Assert.Equal(0.25 * cheating.Cost(a), cheating.Cost(a + 6), 12);  // at a quarter of the cost
            Assert.Equal(0, cheating.Effort(a + 6));
        }
        Assert.Equal(7, cheating.Slash);
    }

    [Fact]
    public void ExpectedProfitWeighsRewardCostDetectionAndSlash()
    {
        var actions = ActionSet.For(CheatingThresholdTests.Cheaters(BehaviourModel.BestResponse)); // idle, honest (cost 10), cheat (cost 0), slash 20
        var terms = new EpochTerms(15, DetectionProbability: 0.2);
        Assert.Equal(0, actions.ExpectedProfit(ActionSet.Idle, terms));
        Assert.Equal(5, actions.ExpectedProfit(1, terms), 12);
        Assert.Equal(15 * 0.8 - 0.2 * 20, actions.ExpectedProfit(2, terms), 12);
        Assert.Equal(8, actions.BestExpectedProfit(terms), 12);
        // Costs in stable at a token price of 2 stable: half as many tokens.
        Assert.Equal(15 - 10 / 2.0, actions.ExpectedProfit(1, terms with { TokensPerNumeraire = 0.5 }), 12);
    }

    [Fact]
    public void UsersWeighTheValueOfTheirCallsAgainstTheFee()
    {
        var actions = ActionSet.For(new UserBehaviour { Model = BehaviourModel.Logit, Calls = 20, ValuePerCall = 0.05 }, feePerCall: 0.01);
        Assert.Equal([0.0, 10, 20, 40], Enumerable.Range(0, actions.Count).Select(actions.Calls));
        // No reward observed yet: profit is the surplus k·(v − φ).
        Assert.Equal(40 * 0.04, actions.ExpectedProfit(3, new EpochTerms(double.NaN, ValuePerCall: 0.05)), 12);
        Assert.Equal(40 * -0.005, actions.ExpectedProfit(3, new EpochTerms(double.NaN, ValuePerCall: 0.005)), 12);
    }

    [Fact]
    public void MinersAndValidatorsSwitchOnFractionsOfTheirOwnHashrateOrStake()
    {
        var miners = ActionSet.For(new MinerBehaviour { Model = BehaviourModel.BestResponse, Levels = 4, EnergyCost = 100 });
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1], Enumerable.Range(0, miners.Count).Select(miners.Amount));
        // A miner of hashrate 2 paid 120 per unit switched on, at 100 per unit: all on earns 40.
        Assert.Equal(40, miners.ExpectedProfit(4, new EpochTerms(120), scale: 2), 12);
        Assert.Equal(4, miners.DefaultAction);
        var validators = ActionSet.For(new ValidatorBehaviour { Model = BehaviourModel.BestResponse, StakeYield = 0.01 });
        Assert.Equal(2, validators.Count);
        Assert.Equal(50 * (0.02 - 0.01), validators.ExpectedProfit(1, new EpochTerms(0.02), scale: 50), 12);
    }

    [Fact]
    public void DetectionFallsWithTheValidatorsThatTakePart()
    {
        Assert.Equal(0.5, Detection.Effective(0.5, 10, 10));
        Assert.Equal(0.25, Detection.Effective(0.5, 5, 10));
        Assert.Equal(0, Detection.Effective(0.5, 0, 0));
    }

    [Fact]
    public void TheLookBackSumsTheLastEpochsOnly()
    {
        var look = new LookBack(3);
        Assert.True(double.IsNaN(look.Sum));
        foreach (var x in new[] { 1.0, 2, 4, 8 }) look.Push(x);
        Assert.Equal(14, look.Sum);
    }
}

/// <summary>What the loop reads from the scenario: sections by role, hosted counts, and an epoch's terms.</summary>
public class PopulationBehaviourTests
{
    [Fact]
    public void FixedRolesHostTheirCountAndRespondingOnesTheirMaximum()
    {
        var b = new BehaviourSection
        {
            Trainers = new TrainerBehaviour { Model = BehaviourModel.Logit, MaxCount = 50 },
            Miners = new MinerBehaviour { MaxCount = 50 },
        };
        Assert.True(PopulationBehaviour.Responds(b, TokenEconSim.Domain.Agents.Role.Trainer));
        Assert.False(PopulationBehaviour.Responds(b, TokenEconSim.Domain.Agents.Role.Miner));
        Assert.Equal(50, PopulationBehaviour.Hosted(b, TokenEconSim.Domain.Agents.Role.Trainer, 20));
        Assert.Equal(20, PopulationBehaviour.Hosted(b, TokenEconSim.Domain.Agents.Role.Miner, 20)); // fixed: max_count unused
        var logitTrainers = new BehaviourSection { Trainers = new TrainerBehaviour { Model = BehaviourModel.Logit } };
        Assert.Equal(20, PopulationBehaviour.Hosted(logitTrainers, TokenEconSim.Domain.Agents.Role.Trainer, 20));
    }

    [Fact]
    public void TermsConvertTheNumeraireAndFeedTheValidatorsBackIntoDetection()
    {
        var b = new BehaviourSection
        {
            Numeraire = CostNumeraire.Stable,
            DataProviders = new ProviderBehaviour { Model = BehaviourModel.Logit, DetectionProbability = 0.6 },
            Users = new UserBehaviour { Model = BehaviourModel.Logit, ValuePerCall = 0.1, ReferenceAccuracy = 0.8, AccuracyElasticity = 2 },
        };
        var provider = PopulationBehaviour.Terms(
            b, TokenEconSim.Domain.Agents.Role.DataProvider, 3,
            tokenPrice: 4, activeValidators: 5, validators: 10, accuracy: double.NaN, lookBackProfit: 7);
        Assert.Equal(new EpochTerms(3, 0.25, 0.3, 0, 7), provider);
        var user = PopulationBehaviour.Terms(b, TokenEconSim.Domain.Agents.Role.ServiceUser, 3, 4, 5, 10, accuracy: 0.96, lookBackProfit: 7);
        Assert.Equal(0.1 * 1.2 * 1.2 / 4, user.ValuePerCall, 12); // v₀·(acc/ref)² in stable, at 4 stable per token
        Assert.Equal(0, user.DetectionProbability);
    }
}
