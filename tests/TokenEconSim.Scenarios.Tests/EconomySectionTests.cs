using TokenEconSim.Domain.Distributions;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>The governance, market and marketplace sections: bound, validated with file:line:column, written back.</summary>
public class EconomySectionTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ScenarioLoadResult Load(string yaml) => ScenarioLoader.LoadFile(_dir.Write("s.yaml", yaml));

    [Fact]
    public void TheSectionsBindWithTheirProposals()
    {
        var result = Load("""
            governance:
              enabled: true
              timelock: 0
              proposals:
                - epoch: 3
                  alpha: 0.2
                  beta: 0.5
                  gamma: 0.3
            market:
              enabled: true
              fee: 0
              electricity_cost: const(10)
            marketplace:
              enabled: true
              price: const(2)
            """);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var s = result.Scenario!;
        var p = Assert.Single(s.Governance.Proposals);
        Assert.Equal((3, 0.2, 0.5, 0.3, 0.8), (p.Epoch, p.Alpha, p.Beta, p.Gamma, p.Support));
        Assert.Equal(0, s.Governance.Timelock);
        Assert.Equal(0, s.Market.Fee);
        Assert.Equal(new Distribution(DistributionKind.Const, 10), s.Market.ElectricityCost);
        Assert.Equal(new Distribution(DistributionKind.Const, 2), s.Marketplace.Price);

        // The resolved scenario writes the list back and loads to the same proposals.
        var again = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(s));
        Assert.True(again.Success, string.Join("\n", again.Errors));
        var q = Assert.Single(again.Scenario!.Governance.Proposals);
        Assert.Equal((p.Epoch, p.Alpha, p.Beta, p.Gamma, p.Support), (q.Epoch, q.Alpha, q.Beta, q.Gamma, q.Support));
    }

    [Fact]
    public void AProposalOffTheSimplexIsAnErrorAtItsItem()
    {
        var result = Load("""
            governance:
              enabled: true
              proposals:
                - epoch: 1
                  alpha: 0.2
                  beta: 0.5
                  gamma: 0.3
                - epoch: 2
                  alpha: 0.5
                  beta: 0.5
                  gamma: 0.5
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal((8, 7), (error.Line, error.Column)); // the item's first key
        Assert.Contains("governance.proposals[1]: alpha + beta + gamma must equal 1, got 0.5 + 0.5 + 0.5 = 1.5", error.Message);
    }

    [Theory]
    [InlineData("governance:\n  quorum: 0", "governance.quorum: 0 is out of range; valid: 0 < x ≤ 1", 2, 11)]
    [InlineData("governance:\n  threshold: 1.5", "governance.threshold: 1.5 is out of range; valid: 0 < x ≤ 1", 2, 14)]
    [InlineData("governance:\n  timelock: -1", "governance.timelock: -1 is out of range; valid: 0 … 1000000", 2, 13)]
    [InlineData("market:\n  reserve_token: 0", "market.reserve_token: 0 is out of range; valid: 0 < x ≤ 1000000000000", 2, 18)]
    [InlineData("market:\n  fee: 1", "market.fee: 1 is out of range; valid: 0 … 0.999999", 2, 8)]
    [InlineData("marketplace:\n  price: uniform(-1,2)", "marketplace.price:", 2, 10)]
    [InlineData("governance:\n  enabled: true\n  proposals:\n    - epoch: 1\n      alpha: 2",
        "governance.proposals[0].alpha: 2 is out of range; valid: 0 … 1", 5, 14)]
    public void BadValuesNameTheKeyAndWhereItIs(string yaml, string message, int line, int column)
    {
        var error = Assert.Single(Load(yaml).Errors);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    // Switching governance off keeps the schedule valid (a sweep over governance.enabled), and the run ignores it.
    [Fact]
    public void ProposalsWithGovernanceOffAreValidAndIgnored()
    {
        var result = Load("governance:\n  enabled: false\n  adaptive: true\n  proposals:\n    - epoch: 1\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Null(TokenEconSim.Domain.Simulation.EpochEconomy.Create(new TokenEconSim.Domain.Simulation.RunModel(result.Scenario!)));
    }

    // The outside price is for an economy without the pool; beside it the pool's swaps set the price, so both are refused.
    [Fact]
    public void AnOutsidePriceBesideThePoolIsRefusedAtItsKey()
    {
        var error = Assert.Single(Load("market:\n  enabled: true\n  price_sigma: 0.2\n").Errors);
        Assert.Contains("market.price_sigma: the outside price is for an economy without the pool", error.Message);
        Assert.Equal((3, 16), (error.Line, error.Column));
        Assert.True(Load("market:\n  enabled: false\n  price_sigma: 0.2\n  price_reversion: 0.05\n").Success);
    }

    [Fact]
    public void GovernanceNeedsValidators()
    {
        var error = Assert.Single(Load("governance:\n  enabled: true\npopulations:\n  validators:\n    count: 0\n").Errors);
        Assert.Contains("governance.enabled: votes are weighted by validators' stake", error.Message);
        Assert.Equal((2, 12), (error.Line, error.Column));
    }

    [Fact]
    public void PayoffVotingNeedsSharesOrAbsoluteRewardsAndBondedVoters()
    {
        // Pool mode, and nobody bonded: both refused at the voting key (line 3, column 11).
        var errors = Load("governance:\n  enabled: true\n  voting: payoff\n").Errors;
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("payoff needs rewards.mode shares or absolute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("no one would vote", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal((3, 11), (e.Line, e.Column)));

        var valid = Load("""
            governance:
              enabled: true
              voting: payoff
            rewards:
              mode: shares
            behaviour:
              trainers:
                model: logit
                stake: 10
            populations:
              validators:
                count: 0
            """);
        Assert.True(valid.Success, string.Join("\n", valid.Errors)); // no validators needed: they would abstain
    }

    [Fact]
    public void AnUnknownVotingRuleListsTheKnownOnes()
    {
        var error = Assert.Single(Load("governance:\n  voting: lottery\n").Errors);
        Assert.Contains("random", error.Message);
        Assert.Contains("payoff", error.Message);
    }
}
