using System.Globalization;
using TokenEconSim.Experiments.Sensitivity;
using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Sweeps;

/// <summary>Sampled sweep designs (mode lhs, sobol, morris): ranges instead of lists, expanded into the design's points.</summary>
public sealed class SweepDesignTests : IDisposable
{
    private const string Base = "run:\n  seed: 4\n  epochs: 5\n";
    private const string TwoRanges = "  parameters:\n    token.emission_per_epoch: {low: 1000, high: 3000}\n"
        + "    populations.users.count: {low: 10, high: 20}\n";

    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SweepPlan Plan(string sweep)
    {
        var result = SweepLoader.LoadFile(_dir.Write("sweep.yaml", Base + sweep));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Plan;
    }

    private ScenarioError Error(string sweep)
    {
        var result = SweepLoader.LoadFile(_dir.Write("sweep.yaml", Base + sweep));
        Assert.False(result.Success);
        return Assert.Single(result.Errors);
    }

    private static double[] Values(SweepPlan plan, string key) =>
        [.. plan.Runs.Select(r => double.Parse(r.Overrides.Single(o => o.Key == key).Value, CultureInfo.InvariantCulture))];

    [Fact]
    public void ASobolDesignHasNTimesKPlusTwoPointsWhoseValuesAreTheSaltelliRowsScaled()
    {
        var plan = Plan("sweep:\n  mode: sobol\n" + TwoRanges + "  samples: 8\n  seeds: 2\n");

        Assert.Equal(8 * 4, plan.PointCount);
        Assert.Equal(8 * 4 * 2, plan.Runs.Count);
        Assert.Equal("32 points × 2 seeds = 64 runs (sobol over 2 parameters, N = 8)", plan.Describe());
        var rows = new SaltelliDesign(2, 8).Rows;
        var emission = Values(plan, "token.emission_per_epoch");
        var users = Values(plan, "populations.users.count");
        for (var p = 0; p < plan.PointCount; p++)
        {
            Assert.Equal(1000 + 2000 * rows[p][0], emission[2 * p]);
            Assert.Equal(Math.Round(10 + 10 * rows[p][1], MidpointRounding.ToEven), users[2 * p]); // a whole-number key is rounded
        }
        Assert.All(plan.Runs.Select(r => r.Overrides.Single(o => o.Key == "populations.users.count").Value), v => Assert.DoesNotContain(".", v));
    }

    [Fact]
    public void ALatinHypercubeAndAMorrisDesignStayInsideTheirRangesAndFollowTheirSeed()
    {
        var lhs = Plan("sweep:\n  mode: lhs\n" + TwoRanges + "  samples: 20\n  design_seed: 3\n");
        Assert.Equal(20, lhs.PointCount);
        Assert.All(Values(lhs, "token.emission_per_epoch"), v => Assert.InRange(v, 1000, 3000));
        Assert.Equal(Enumerable.Range(0, 20), Values(lhs, "token.emission_per_epoch").Select(v => (int)((v - 1000) / 100)).Order());
        Assert.NotEqual(Values(lhs, "token.emission_per_epoch"),
            Values(Plan("sweep:\n  mode: lhs\n" + TwoRanges + "  samples: 20\n  design_seed: 4\n"), "token.emission_per_epoch"));

        var morris = Plan("sweep:\n  mode: morris\n" + TwoRanges + "  samples: 5\n  levels: 6\n");
        Assert.Equal(5 * 3, morris.PointCount);
        Assert.Equal((6, 1UL), (morris.Design!.Levels, morris.Design.Seed));
        // On a 6-level grid over [1000, 3000] every value is 1000 + 400·j.
        Assert.All(Values(morris, "token.emission_per_epoch"), v => Assert.Equal(0, (v - 1000) % 400, 9));
    }

    [Fact]
    public void TheResolvedSweepYamlExpandsToTheSamePoints()
    {
        var plan = Plan("sweep:\n  mode: morris\n" + TwoRanges + "  samples: 4\n  design_seed: 9\n  seeds: [2, 5]\n");

        var again = SweepLoader.LoadFile(_dir.Write("resolved.yaml", SweepWriter.ToYaml(plan)));

        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal(plan.Runs.Select(r => (r.Overrides, r.Seed)), again.Plan.Runs.Select(r => (r.Overrides, r.Seed)),
            (a, b) => a.Seed == b.Seed && a.Overrides.SequenceEqual(b.Overrides));
        Assert.Equal(SweepMode.Morris, again.Plan.Mode);
    }

    [Theory]
    [InlineData("  mode: sobol\n  parameters:\n    token.emission_per_epoch: [1, 2]\n  samples: 4\n", 7, 31,
        "sweep.parameters.token.emission_per_epoch: mode sobol samples a range")]
    [InlineData("  mode: sobol\n  parameters:\n    token.emission_per_epoch: {low: 5, high: 5}\n  samples: 4\n", 7, 31,
        "sweep.parameters.token.emission_per_epoch: low (5) must be less than high (5)")]
    [InlineData("  mode: lhs\n  parameters:\n    run.name: {low: 1, high: 2}\n  samples: 4\n", 7, 5,
        "sweep.parameters.run.name: mode lhs samples numbers")]
    [InlineData("  mode: sobol\n  parameters:\n    token.emission_per_epoch: {low: 1, high: 2}\n", 5, 3, "sweep.samples: mode sobol needs it")]
    [InlineData("  mode: sobol\n  parameters:\n    token.emission_per_epoch: {low: 1, high: 2}\n  samples: 4\n  design_seed: 2\n", 9, 3,
        "sweep.design_seed: mode sobol does not read it")]
    [InlineData("  mode: morris\n  parameters:\n    token.emission_per_epoch: {low: 1, high: 2}\n  samples: 4\n  levels: 5\n", 9, 11,
        "sweep.levels: Morris's grid needs an even number")]
    [InlineData("  parameters:\n    token.emission_per_epoch: [1, 2]\n  samples: 4\n", 7, 3, "sweep.samples: only the sampled designs")]
    [InlineData("  mode: lhs\n  parameters:\n    token.emission_per_epoch: {low: 1, high: 2}\n  samples: 4\n  simplex: {step: 0.5}\n", 9, 3,
        "sweep.simplex: mode lhs samples ranges")]
    [InlineData("  mode: sobol\n  parameters:\n    token.emission_per_epoch: {low: 0, high: 1e15}\n  samples: 4\n", 7, 31,
        "sweep.parameters.token.emission_per_epoch.high: 1000000000000000 is out of range")]
    [InlineData("  mode: sobol\n  parameters:\n    token.emission_per_epoch: {low: 0, high: 1}\n  samples: 40000\n", 8, 12,
        "sweep.samples: sobol over 1 parameter, N = 40000 has 120000 points")]
    [InlineData("  mode: sobl\n", 5, 9, "sweep.mode: 'sobl' is not a sweep mode; did you mean 'sobol'?")]
    public void BadDesignsAreRefusedAtTheirLineAndColumn(string section, int line, int column, string message)
    {
        var error = Error("sweep:\n" + section);

        Assert.StartsWith(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
