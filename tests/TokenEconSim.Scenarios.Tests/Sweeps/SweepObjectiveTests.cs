using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Sweeps;

public class SweepObjectiveTests : IDisposable
{
    private const string Base = "run:\n  seed: 4\n  epochs: 5\n";
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SweepLoadResult Load(string sweep) => SweepLoader.LoadFile(_dir.Write("sweep.yaml", Base + sweep));

    [Fact]
    public void TermsAreReadWithWeight1ByDefaultAndEvaluateAsWritten()
    {
        var result = Load("sweep:\n  seeds: 2\n  objective:\n    goal: maximize\n    terms:\n      - metric: final_accuracy\n"
            + "      - {metric: final_gini, weight: -0.5}\n      - {metric: mean_inflation, weight: -2, target: 0.01}\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var objective = result.Plan.Objective!;

        Assert.Equal(ObjectiveGoal.Maximize, objective.Goal);
        Assert.Equal("maximize final_accuracy − 0.5·final_gini − 2·|mean_inflation − 0.01|", objective.Describe());
        var metrics = new Dictionary<string, double> { ["final_accuracy"] = 0.9, ["final_gini"] = 0.4, ["mean_inflation"] = 0.03 };
        Assert.Equal(0.9 - 0.5 * 0.4 - 2 * 0.02, objective.Evaluate(m => metrics[m]), 12);
        Assert.Equal((9, 17), (objective.Terms[0].At.Line, objective.Terms[0].At.Column));
    }

    [Theory]
    [InlineData("  objective:\n    goal: best\n    terms: [{metric: final_gini}]\n", 6, 11, "sweep.objective.goal: 'best' is not a goal")]
    [InlineData("  objective:\n    goal: minimize\n", 6, 5, "sweep.objective: needs terms:")]
    [InlineData("  objective:\n    goal: minimize\n    terms: []\n", 7, 12, "sweep.objective.terms: expected a non-empty list")]
    [InlineData("  objective:\n    goal: minimize\n    terms: [{weight: 2}]\n", 7, 13, "sweep.objective.terms[0]: needs metric:")]
    [InlineData("  objective:\n    goal: minimize\n    terms: [{metric: final_gini, wieght: 2}]\n", 7, 34,
        "sweep.objective.terms[0]: unknown key 'wieght'; did you mean 'weight'?")]
    [InlineData("  objective:\n    goal: minimize\n    terms: [{metric: final_gini, target: high}]\n", 7, 42,
        "sweep.objective.terms[0].target: expected a number, got 'high'")]
    [InlineData("  objective: final_gini\n", 5, 14, "sweep.objective: expected a section with goal: and terms:")]
    public void Bad_objectives_are_refused_where_written(string section, int line, int column, string message)
    {
        var result = Load("sweep:\n" + section);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void TheResolvedSweepLoadsBackToTheSameRunsAndObjective()
    {
        var original = Load("sweep:\n  parameters:\n    token.emission_per_epoch: {from: 5000, to: 7000, step: 1000}\n  simplex: {step: 0.5}\n  "
            + "seeds: [3, 9]\n  objective:\n    goal: minimize\n    terms: [{metric: final_gini, weight: 2, target: 0.3}]\n");
        Assert.True(original.Success, string.Join("\n", original.Errors));

        var yaml = SweepWriter.ToYaml(original.Plan, "resolved");
        var again = SweepLoader.LoadFile(_dir.Write("resolved.yaml", yaml));

        Assert.True(again.Success, string.Join("\n", again.Errors) + "\n" + yaml);
        Assert.Equal(original.Plan.Runs.Select(Show), again.Plan.Runs.Select(Show));
        Assert.Equal(original.Plan.Objective!.Describe(), again.Plan.Objective!.Describe());
        Assert.Equal(original.Plan.Describe(), again.Plan.Describe());
    }

    private static string Show(SweepRun run) => string.Join(" ", run.OverridesWithSeed.Select(o => $"{o.Key}={o.Value}"));
}
