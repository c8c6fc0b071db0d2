using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

/// <summary>The behaviour section: bound with its defaults, written back, and every bad value reported at file:line:column.</summary>
public class BehaviourValidationTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ScenarioLoadResult Load(string yaml) => ScenarioLoader.LoadFile(_dir.Write("s.yaml", yaml));

    [Fact]
    public void EveryPopulationIsFixedByDefault()
    {
        var s = Assert.IsType<Scenario>(Load("run:\n  epochs: 3\n").Scenario);
        Assert.All(new RoleBehaviourSection[] { s.Behaviour.DataProviders, s.Behaviour.Trainers, s.Behaviour.Users, s.Behaviour.Validators,
            s.Behaviour.Miners },
            b => Assert.Equal(BehaviourModel.Fixed, b.Model));
        Assert.Equal(CostNumeraire.Token, s.Behaviour.Numeraire);
    }

    [Fact]
    public void TheSectionBindsAndIsWrittenBack()
    {
        var result = Load("""
            populations:
              data_providers:
                count: 10
            behaviour:
              numeraire: stable
              data_providers:
                model: logit
                lambda: 5
                max_count: 30
                cheating: true
                slash: 2
              trainers:
                model: bandit
                bandit: ucb1
              users:
                model: best_response
                inertia: 0.2
            """);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var b = result.Scenario!.Behaviour;
        Assert.Equal((CostNumeraire.Stable, BehaviourModel.Logit, 5.0, 30, true, 2.0),
            (b.Numeraire, b.DataProviders.Model, b.DataProviders.Lambda, b.DataProviders.MaxCount, b.DataProviders.Cheating, b.DataProviders.Slash));
        Assert.Equal((BehaviourModel.Bandit, BanditRule.Ucb1), (b.Trainers.Model, b.Trainers.Bandit));
        Assert.Equal((BehaviourModel.BestResponse, 0.2), (b.Users.Model, b.Users.Inertia));

        var again = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(result.Scenario));
        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal(b.DataProviders.Lambda, again.Scenario!.Behaviour.DataProviders.Lambda);
        Assert.Equal(BanditRule.Ucb1, again.Scenario.Behaviour.Trainers.Bandit);
    }

    [Theory]
    [InlineData("behaviour:\n  trainers:\n    model: rational", "behaviour.trainers.model: unknown value 'rational'",
        "known: fixed, best_response, logit, bandit", 3, 12)]
    [InlineData("behaviour:\n  data_providers:\n    cost_per_record: -1", "behaviour.data_providers.cost_per_record: -1 is out of range",
        "valid: 0 … 1000000000000", 3, 22)]
    [InlineData("behaviour:\n  trainers:\n    cost_per_gpu_hour: -0.5", "behaviour.trainers.cost_per_gpu_hour: -0.5 is out of range", "", 3, 24)]
    [InlineData("behaviour:\n  miners:\n    energy_cost: -3", "behaviour.miners.energy_cost: -3 is out of range", "", 3, 18)]
    [InlineData("behaviour:\n  users:\n    lambda: -1", "behaviour.users.lambda: -1 is out of range", "valid: 0 … 1000000", 3, 13)]
    [InlineData("behaviour:\n  validators:\n    epsilon: 1.5", "behaviour.validators.epsilon: 1.5 is out of range", "valid: 0 … 1", 3, 14)]
    [InlineData("behaviour:\n  validators:\n    epsilon: -0.1", "behaviour.validators.epsilon: -0.1 is out of range", "valid: 0 … 1", 3, 14)]
    [InlineData("behaviour:\n  numeraire: dollars", "behaviour.numeraire: unknown value 'dollars'", "known: token, stable", 2, 14)]
    public void BadValuesNameTheKeyTheValidValuesAndWhereTheyAre(string yaml, string message, string valid, int line, int column)
    {
        var error = Assert.Single(Load(yaml).Errors);
        Assert.Contains(message, error.Message);
        Assert.Contains(valid, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith("s.yaml", error.File);
    }

    [Fact]
    public void AMaximumPopulationBelowTheInitialCountIsAnErrorAtTheKey()
    {
        var error = Assert.Single(Load("populations:\n  trainers:\n    count: 20\nbehaviour:\n  trainers:\n    max_count: 12\n").Errors);
        Assert.Contains("behaviour.trainers.max_count: the maximum population 12 is below the initial populations.trainers.count 20", error.Message);
        Assert.Equal((6, 16), (error.Line, error.Column));
    }

    [Fact]
    public void AMaximumPopulationAtOrAboveTheCountOrZeroIsFine()
    {
        Assert.True(Load("populations:\n  trainers:\n    count: 20\nbehaviour:\n  trainers:\n    max_count: 20\n").Success);
        Assert.True(Load("populations:\n  trainers:\n    count: 20\nbehaviour:\n  trainers:\n    max_count: 0\n").Success);
        Assert.True(Load("behaviour:\n  trainers:\n    max_count: 500\n").Success);
    }

    [Fact]
    public void AReversedQualityRangeIsAnError()
    {
        var error = Assert.Single(Load("behaviour:\n  data_providers:\n    quality_low: 0.9\n    quality_high: 0.5\n").Errors);
        Assert.Contains("behaviour.data_providers.quality_low: 0.9 is above quality_high 0.5", error.Message);
        Assert.Equal((3, 18), (error.Line, error.Column));
    }

    [Fact]
    public void AnOverrideIsCheckedLikeTheFile()
    {
        var result = ScenarioLoader.LoadFile(_dir.Write("o.yaml", "run:\n  epochs: 3\n"), [new("behaviour.users.lambda", "-2")]);
        var error = Assert.Single(result.Errors);
        Assert.Contains("behaviour.users.lambda: -2 is out of range", error.Message);
        Assert.Equal(ScenarioLoader.OverrideSource, error.File);
    }
}
