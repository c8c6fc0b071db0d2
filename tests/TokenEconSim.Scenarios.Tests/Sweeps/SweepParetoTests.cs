using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Sweeps;

/// <summary>mode pareto: ranges of numeric keys, objectives with goals, population, evaluations and at least two seeds.</summary>
public sealed class SweepParetoTests : IDisposable
{
    private const string Base = "run:\n  seed: 4\n  epochs: 5\n";
    private const string Ranges = "  parameters:\n    token.emission_per_epoch: {low: 1000, high: 3000}\n"
        + "    populations.users.count: {low: 10, high: 20}\n";
    private const string Objectives = "  objectives:\n    - {metric: final_accuracy, goal: maximize}\n    - {metric: final_gini, goal: minimize}\n"
        + "    - {metric: mean_inflation, goal: target, target: 0.01}\n";
    private const string Sizes = "  population: 6\n  evaluations: 18\n  seeds: 2\n";

    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SweepLoadResult Load(string section) => SweepLoader.LoadFile(_dir.Write("sweep.yaml", Base + "sweep:\n" + section));

    [Fact]
    public void APlanReadsTheSearchButNoPointsAndItsYamlReadsBackTheSame()
    {
        var result = Load("  mode: pareto\n" + Ranges + Objectives + Sizes + "  design_seed: 7\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var plan = result.Plan;
        var search = plan.Pareto!;

        Assert.Equal(SweepMode.Pareto, plan.Mode);
        Assert.Empty(plan.Runs);
        Assert.Equal(["token.emission_per_epoch", "populations.users.count"], plan.Parameters);
        Assert.Equal((6, 18, 7UL), (search.Population, search.Evaluations, search.Seed));
        Assert.Equal([ParetoGoal.Maximize, ParetoGoal.Minimize, ParetoGoal.Target], search.Objectives.Select(o => o.Goal));
        Assert.Equal(0.01, search.Objectives[2].Target);
        Assert.True(search.Parameters[1].Integer);
        Assert.Equal("up to 18 points × 2 seeds = 36 runs (pareto over 2 parameters, 3 objectives, population 6, 18 evaluations, seed 7; "
            + "run by silo tune)", plan.Describe());

        var again = SweepLoader.LoadFile(_dir.Write("again.yaml", SweepWriter.ToYaml(plan)));
        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal(search.Describe(), again.Plan.Pareto!.Describe());
        Assert.Equal(search.Objectives.Select(o => o.Describe()), again.Plan.Pareto.Objectives.Select(o => o.Describe()));
        Assert.Equal(search.Parameters, again.Plan.Pareto.Parameters);
    }

    [Theory]
    // The worse end of the 95 % interval [0.4, 0.6]: its low end when maximizing, high end when minimizing, farther end from a target.
    [InlineData(ParetoGoal.Maximize, null, -0.4)]
    [InlineData(ParetoGoal.Minimize, null, 0.6)]
    [InlineData(ParetoGoal.Target, 0.45, 0.15)]
    [InlineData(ParetoGoal.Target, 0.9, 0.5)]
    public void AnObjectivesCostIsTheWorseEndOfItsInterval(ParetoGoal goal, double? target, double cost)
    {
        var objective = new ParetoObjective("m", goal, target, new ScenarioError("f", 1, 1, ""));
        Assert.Equal(cost, objective.Cost(0.4, 0.6), 12);
        Assert.Equal(double.PositiveInfinity, objective.Cost(double.NaN, double.NaN));
    }

    [Theory]
    [InlineData("  mode: pareto\n" + Ranges + "  objectives:\n    - {metric: final_accuracy, goal: maximise}\n"
        + "    - {metric: final_gini, goal: minimize}\n" + Sizes, 10, 38,
        "sweep.objectives[0].goal: 'maximise' is not a goal; did you mean 'maximize'?")]
    [InlineData("  mode: pareto\n  parameters:\n    token.emission_per_epoch: {low: 3000, high: 1000}\n" + Objectives + Sizes, 7, 31,
        "sweep.parameters.token.emission_per_epoch: low (3000) must be less than high (1000)")]
    [InlineData("  mode: pareto\n  parameters:\n    run.name: {low: 1, high: 2}\n" + Objectives + Sizes, 7, 5,
        "sweep.parameters.run.name: mode pareto samples numbers, and run.name is not a number key")]
    [InlineData("  mode: pareto\n" + Ranges + Objectives + "  population: 6\n  evaluations: 18\n  seeds: 1\n", 15, 10,
        "sweep.seeds: mode pareto needs at least 2 seeds")]
    [InlineData("  mode: pareto\n" + Ranges + Objectives + "  population: 3\n  evaluations: 18\n  seeds: 2\n", 13, 15,
        "sweep.population: expected an integer from 4 to 100000, got '3'")]
    [InlineData("  mode: pareto\n" + Ranges + Objectives + "  population: 6\n  evaluations: 2\n  seeds: 2\n", 14, 16,
        "sweep.evaluations: expected an integer from 4")]
    [InlineData("  mode: pareto\n" + Ranges + Objectives + "  population: 8\n  evaluations: 6\n  seeds: 2\n", 14, 16,
        "sweep.evaluations: 6 is fewer than one generation (population 8)")]
    [InlineData("  mode: pareto\n" + Ranges + "  objectives:\n    - {metric: final_accuracy, goal: maximize}\n" + Sizes, 10, 5,
        "sweep.objectives: mode pareto needs a list of at least two objectives")]
    [InlineData("  mode: pareto\n" + Ranges + "  objectives:\n    - {metric: final_accuracy, goal: maximize}\n"
        + "    - {metric: mean_inflation, goal: target}\n" + Sizes, 11, 38, "sweep.objectives[1]: goal: target needs target:")]
    [InlineData("  mode: pareto\n" + Ranges + "  objectives:\n    - {metric: final_accuracy, goal: maximize, target: 1}\n"
        + "    - {metric: final_gini, goal: minimize}\n" + Sizes, 10, 48, "sweep.objectives[0].target: only goal: target reads it")]
    [InlineData("  mode: pareto\n" + Ranges + Objectives + Sizes + "  samples: 8\n", 16, 3, "sweep.samples: mode pareto does not read it")]
    [InlineData("  mode: sobol\n" + Ranges + "  samples: 4\n  population: 8\n", 10, 3,
        "sweep.population: only a Pareto search (mode: pareto) reads it")]
    public void BadParetoSearchesAreRefusedAtTheirLineAndColumn(string section, int line, int column, string message)
    {
        var result = Load(section);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
