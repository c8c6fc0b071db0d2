using System.Globalization;
using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests.Sweeps;

public class SweepLoaderTests : IDisposable
{
    private const string Base = "run:\n  seed: 4\n  epochs: 5\n";
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SweepPlan Plan(string sweep)
    {
        var result = SweepLoader.LoadFile(_dir.Write("sweep.yaml", Base + sweep));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Plan;
    }

    private IReadOnlyList<ScenarioError> Errors(string sweep)
    {
        var result = SweepLoader.LoadFile(_dir.Write("sweep.yaml", Base + sweep));
        Assert.False(result.Success);
        return result.Errors;
    }

    private static string Show(SweepRun run) => string.Join(" ", run.Overrides.Select(o => $"{o.Key}={o.Value}")) + $" #{run.Seed}";

    [Fact]
    public void GridIsTheProductWithTheFirstParameterSlowestAndSeedsInnermost()
    {
        var plan = Plan("sweep:\n  parameters:\n    run.epochs: [1, 2]\n    populations.users.count: {from: 10, to: 30, step: 10}\n  seeds: 2\n");
        Assert.Equal(6, plan.PointCount);
        Assert.Equal(
            ["run.epochs=1 populations.users.count=10 #1", "run.epochs=1 populations.users.count=10 #2",
             "run.epochs=1 populations.users.count=20 #1", "run.epochs=1 populations.users.count=20 #2",
             "run.epochs=1 populations.users.count=30 #1", "run.epochs=1 populations.users.count=30 #2",
             "run.epochs=2 populations.users.count=10 #1", "run.epochs=2 populations.users.count=10 #2",
             "run.epochs=2 populations.users.count=20 #1", "run.epochs=2 populations.users.count=20 #2",
             "run.epochs=2 populations.users.count=30 #1", "run.epochs=2 populations.users.count=30 #2"],
            plan.Runs.Select(Show));
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], plan.Runs.Select(r => r.PointIndex));
        Assert.Equal(Enumerable.Range(0, 12), plan.Runs.Select(r => r.Index));
        Assert.Equal("6 points × 2 seeds = 12 runs (grid over 2 parameters)", plan.Describe());
        Assert.Equal(5, plan.Base.Run.Epochs);
    }

    [Fact]
    public void EachRunLoadsWithItsOverridesAndSeed()
    {
        var plan = Plan("sweep:\n  parameters:\n    run.epochs: [7, 8]\n  seeds: [3, 11]\n");
        var run = plan.Runs[3];
        var viaPlan = plan.Load(run);
        Assert.True(viaPlan.Success, string.Join("\n", viaPlan.Errors));
        Assert.Equal((8, 11L), (viaPlan.Scenario.Run.Epochs, viaPlan.Scenario.Run.Seed));
        Assert.Equal(new KeyValuePair<string, string>("run.seed", "11"), run.OverridesWithSeed[^1]);
    }

    [Fact]
    public void ZipPairsTheLists()
    {
        var plan = Plan("sweep:\n  mode: zip\n  parameters:\n    run.epochs: [1, 2, 3]\n    populations.users.count: {from: 10, to: 30, step: 10}\n");
        Assert.Equal(
            ["run.epochs=1 populations.users.count=10 #4", "run.epochs=2 populations.users.count=20 #4",
                "run.epochs=3 populations.users.count=30 #4"],
            plan.Runs.Select(Show));
        Assert.Equal("3 points × 1 seed = 3 runs (zip over 2 parameters)", plan.Describe());
    }

    [Fact]
    public void ZipWithUnevenListsIsRefusedNamingTheLengths()
    {
        var error = Assert.Single(Errors("sweep:\n  mode: zip\n  parameters:\n    run.epochs: [1, 2, 3]\n    populations.users.count: [5, 6]\n"));
        Assert.Equal((6, 3), (error.Line, error.Column));
        Assert.Contains("run.epochs: 3, populations.users.count: 2", error.Message);
    }

    [Fact]
    public void ZipRefusesASimplexBesideParametersButAllowsItAlone()
    {
        var error = Assert.Single(Errors("sweep:\n  mode: zip\n  parameters:\n    run.epochs: [1, 2]\n  simplex: {step: 0.5}\n"));
        Assert.Contains("use mode: grid", error.Message);
        Assert.Equal(6, Plan("sweep:\n  mode: zip\n  simplex: {step: 0.5}\n").PointCount);
    }

    [Theory]
    [InlineData("0.1", 66)]
    [InlineData("0.5", 6)]
    [InlineData("1", 3)]
    public void SimplexPointsSumToOneAndAreDistinct(string step, int count)
    {
        var plan = Plan($"sweep:\n  simplex:\n    step: {step}\n");
        Assert.Equal(count, plan.PointCount);
        var points = plan.Runs.Select(r => r.Overrides.Select(o => double.Parse(o.Value, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.All(plan.Runs, r => Assert.Equal(["rewards.alpha", "rewards.beta", "rewards.gamma"], r.Overrides.Select(o => o.Key)));
        Assert.All(points, p => Assert.True(Math.Abs(p[0] + p[1] + p[2] - 1) <= 1e-12, string.Join(", ", p)));
        Assert.All(points, p => Assert.All(p, x => Assert.InRange(x, 0, 1)));
        Assert.Equal(count, points.Select(p => string.Join(",", p)).Distinct().Count());
        Assert.All(plan.Runs, r => Assert.True(plan.Load(r).Success));
    }

    /// <summary>Each weight is the grid's decimal as written (0.2), never a sum's rounding error (0.20000000000000007).</summary>
    [Fact]
    public void SimplexWeightsAreTheGridsDecimals()
    {
        var plan = Plan("sweep:\n  simplex:\n    step: 0.1\n");
        var grid = Enumerable.Range(0, 11).Select(k => (k / 10m).ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(plan.Runs.SelectMany(r => r.Overrides), o => Assert.Contains(o.Value, grid));
    }

    [Fact]
    public void SimplexIsTheLastGridDimension()
    {
        var plan = Plan("sweep:\n  parameters:\n    run.epochs: [1, 2]\n  simplex: {step: 0.5}\n");
        Assert.Equal(12, plan.PointCount);
        Assert.Equal(["run.epochs=1 rewards.alpha=0 rewards.beta=0 rewards.gamma=1 #4",
            "run.epochs=1 rewards.alpha=0 rewards.beta=0.5 rewards.gamma=0.5 #4"],
            plan.Runs.Take(2).Select(Show));
        Assert.Equal("12 points × 1 seed = 12 runs (grid over 1 parameter + simplex step 0.5)", plan.Describe());
    }

    [Fact]
    public void SeedsAreACountOrAListAndDefaultToTheScenariosSeed()
    {
        Assert.Equal([1L, 2, 3, 4, 5], Plan("sweep:\n  seeds: 5\n").Seeds);
        Assert.Equal([3L, 7, 11], Plan("sweep:\n  seeds: [3, 7, 11]\n").Seeds);
        var plan = Plan("sweep:\n  parameters:\n    run.epochs: [1, 2]\n");
        Assert.Equal([4L], plan.Seeds);
        Assert.Equal(2, plan.Runs.Count);
    }

    [Fact]
    public void AnInvalidValueInAListIsReportedAtItsLineAndColumn()
    {
        var error = Assert.Single(Errors("sweep:\n  parameters:\n    populations.users.count:\n      - 10\n      - 20\n      - x\n"));
        Assert.Equal((9, 9), (error.Line, error.Column));
        Assert.StartsWith("sweep.parameters.populations.users.count[2]: expected an integer", error.Message);
        Assert.EndsWith("sweep.yaml", error.File);
    }

    [Fact]
    public void AValueErrorSharedByManyPointsIsReportedOnce()
    {
        var errors = Errors("sweep:\n  parameters:\n    run.epochs: [1, -3]\n    populations.users.count: [1, 2, 3]\n");
        var error = Assert.Single(errors);
        Assert.StartsWith("sweep.parameters.run.epochs[1]: ", error.Message);
        Assert.Equal((6, 21), (error.Line, error.Column));
    }

    [Fact]
    public void UnknownPathsGetASuggestion()
    {
        var error = Assert.Single(Errors("sweep:\n  parameters:\n    populations.users.cuont: [1, 2]\n"));
        Assert.Equal((6, 5), (error.Line, error.Column));
        Assert.Equal("sweep.parameters.populations.users.cuont: unknown key 'cuont' in section 'populations.users'; did you mean "
            + "'populations.users.count'?", error.Message);
    }

    [Theory]
    [InlineData("sweep:\n  parameters:\n    run.epochs: []\n", "the list is empty")]
    [InlineData("sweep:\n  parameters:\n    run.epochs: {from: 1, to: 3, step: 0}\n", "step must be > 0")]
    [InlineData("sweep:\n  parameters:\n    run.epochs: {from: 3, to: 1}\n", "to (1) is less than from (3)")]
    [InlineData("sweep:\n  simplex: {step: 0.3}\n", "1/step must be a whole number")]
    [InlineData("sweep:\n  simplex: {step: 0}\n", "must be > 0")]
    [InlineData("sweep:\n  seeds: 0\n", "must be ≥ 1")]
    [InlineData("sweep:\n  seeds: []\n", "the list is empty")]
    [InlineData("sweep:\n  seeds: [1, -2]\n", "seeds must be ≥ 1")]
    [InlineData("sweep:\n  mode: gird\n", "did you mean 'grid'?")]
    [InlineData("sweep:\n  seed: 3\n", "did you mean 'seeds'?")]
    [InlineData("sweep:\n  parameters:\n    run.seed: [1, 2]\n", "set by sweep.seeds")]
    [InlineData("sweep:\n  parameters:\n    run: [1, 2]\n", "is a section")]
    [InlineData("sweep:\n  parameters:\n    rewards.alpha: [0.5]\n  simplex: {step: 0.5}\n", "cannot also sweep rewards.alpha")]
    [InlineData("sweep:\n  parameters:\n    run.epochs: {from: 1, to: 1000000000}\n", "at most 100000 runs")]
    public void BadSweepSectionsAreRefused(string sweep, string message)
    {
        var errors = Errors(sweep);
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Line > 0);
    }

    [Fact]
    public void ACombinationBreakingACrossFieldRuleNamesThePoint()
    {
        var error = Assert.Single(Errors("sweep:\n  parameters:\n    rewards.alpha: [0.5]\n"));
        Assert.Contains("sweep.parameters.rewards.alpha[0]", error.Message);
        Assert.Contains("alpha + beta + gamma must equal 1", error.Message);
    }

    [Fact]
    public void SweepFilesMayExtendAScenario()
    {
        _dir.Write("base.yaml", "run:\n  seed: 9\n  epochs: 6\n");
        var result = SweepLoader.LoadFile(_dir.Write("s.yaml", "extends: base.yaml\nsweep:\n  parameters:\n    run.epochs: [1, 2]\n"));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal((6, 9L), (result.Plan.Base.Run.Epochs, result.Plan.Base.Run.Seed));
    }

    [Fact]
    public void TheNormalLoaderRefusesASweepFile()
    {
        var path = _dir.Write("s.yaml", "run:\n  seed: 1\nsweep:\n  seeds: 3\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path).Errors);
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Contains("this is a sweep file", error.Message);
        Assert.Contains("silo sweep", error.Message);
    }

    [Fact]
    public void ABaseScenarioCannotSweep()
    {
        _dir.Write("base.yaml", "run:\n  seed: 1\nsweep:\n  seeds: 3\n");
        var error = Assert.Single(SweepLoader.LoadFile(_dir.Write("s.yaml", "extends: base.yaml\nsweep:\n  seeds: 2\n")).Errors);
        Assert.EndsWith("base.yaml", error.File);
        Assert.Contains("a base scenario cannot hold", error.Message);
    }

    [Fact]
    public void AFileWithoutSweepIsNotASweepFile()
    {
        var error = Assert.Single(SweepLoader.LoadFile(_dir.Write("s.yaml", Base)).Errors);
        Assert.Contains("no top-level 'sweep:'", error.Message);
    }
}
