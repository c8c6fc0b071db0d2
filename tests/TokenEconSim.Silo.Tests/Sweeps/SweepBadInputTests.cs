using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>Bad sweeps and flags: exit 2, one readable message naming the problem and where, no stack trace, nothing written.</summary>
[Collection(SweepCollection.Name)]
public sealed class SweepBadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SweepBadInputTests() => SweepFiles.Base(_dir);

    public void Dispose() => _dir.Dispose();

    private string Out => _dir.Sub("sweeps");

    private async Task<CliResult> Refused(params string[] args)
    {
        var result = await SiloCli.InvokeAsync([.. args, "--out", Out, "--quiet"]);
        CliAssert.Exit(2, result);
        CliAssert.NoStackTrace(result);
        CliAssert.NothingWritten(Out);
        return result;
    }

    [Fact]
    public async Task ASweptKeyThatDoesNotExistIsNamedWithASuggestion()
    {
        var file = SweepFiles.Sweep(_dir, "typo.yaml", "  parameters:\n    rewards.alpah: [0.1, 0.2]\n");
        var result = await Refused("sweep", file);
        Assert.Contains("typo.yaml:4:5: sweep.parameters.rewards.alpah: unknown key 'alpah'", result.Err);
        Assert.Contains("did you mean 'rewards.alpha'", result.Err);
    }

    [Fact]
    public async Task AnObjectiveOverAnUnknownMetricNamesItWhereItIsWritten()
    {
        var file =
            SweepFiles.Sweep(_dir, "objective.yaml", "  seeds: 2\n  objective:\n    goal: maximize\n    terms:\n      - metric: final_ginni\n");
        var result = await Refused("sweep", file);
        Assert.Contains("objective.yaml:7:17: sweep.objective: unknown metric 'final_ginni'", result.Err);
        Assert.Contains("final_gini", result.Err);
    }

    [Fact]
    public async Task ValidateChecksTheObjectiveMetricsToo()
    {
        var file = SweepFiles.Sweep(_dir, "objective.yaml", "  objective:\n    goal: minimize\n    terms: [{metric: gini}]\n");
        var result = await SiloCli.InvokeAsync("validate", file);
        CliAssert.Exit(2, result);
        Assert.Contains("objective.yaml:5:22: sweep.objective: unknown metric 'gini'; did you mean 'final_gini'?", result.Err);
    }

    [Fact]
    public async Task ABadObjectiveGoalIsRefusedWithASuggestion()
    {
        var file = SweepFiles.Sweep(_dir, "goal.yaml", "  objective:\n    goal: maximise\n    terms: [{metric: final_gini}]\n");
        var result = await Refused("tune", file);
        Assert.Contains("goal.yaml:4:11: sweep.objective.goal: 'maximise' is not a goal; did you mean 'maximize'?", result.Err);
    }

    [Fact]
    public async Task AnUnknownChartMetricIsRefused()
    {
        var file = SweepFiles.Sweep(_dir, "s.yaml", "  simplex: {step: 0.5}\n");
        var result = await Refused("sweep", file, "--metric", "token_price");
        Assert.Contains("--metric token_price: unknown metric", result.Err);
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("tune")]
    public async Task ParallelZeroIsRefused(string command)
    {
        var file = SweepFiles.Sweep(_dir, "s.yaml", "  simplex: {step: 0.5}\n");
        var result = await Refused(command, file, "--parallel", "0");
        Assert.Contains("--parallel must be ≥ 1, got 0", result.Err);
    }

    [Fact]
    public async Task TuneWithoutAnObjectiveIsRefused()
    {
        var file = SweepFiles.Sweep(_dir, "s.yaml", "  seeds: 2\n");
        var result = await Refused("tune", file);
        Assert.Contains("tune needs an objective", result.Err);
    }

    [Fact]
    public async Task AParetoObjectiveWithAnUnknownGoalIsRefusedWhereWritten()
    {
        var file = SweepFiles.Sweep(_dir, "pareto-goal.yaml", ParetoTuneTests.Section.Replace("goal: minimize", "goal: lowest"));
        var result = await Refused("tune", file);
        Assert.Contains("pareto-goal.yaml:8:34: sweep.objectives[0].goal: 'lowest' is not a goal; valid: maximize, minimize, target", result.Err);
    }

    [Fact]
    public async Task AParetoObjectiveOverAnUnknownMetricNamesItWhereItIsWritten()
    {
        var file = SweepFiles.Sweep(_dir, "pareto-metric.yaml", ParetoTuneTests.Section.Replace("metric: final_gini", "metric: gini"));
        var result = await Refused("tune", file);
        Assert.Contains("pareto-metric.yaml:8:16: sweep.objectives: unknown metric 'gini'; did you mean 'final_gini'?", result.Err);
    }

    [Fact]
    public async Task AParetoSearchWithOneSeedIsRefusedBecauseItRanksByIntervals()
    {
        var file = SweepFiles.Sweep(_dir, "pareto-seeds.yaml", ParetoTuneTests.Section.Replace("seeds: 2", "seeds: 1"));
        var result = await Refused("tune", file);
        Assert.Contains("pareto-seeds.yaml:13:10: sweep.seeds: mode pareto needs at least 2 seeds", result.Err);
    }

    [Fact]
    public async Task SweepRefusesAParetoSearchAndNamesTune()
    {
        var file = SweepFiles.Sweep(_dir, "pareto.yaml", ParetoTuneTests.Section);
        var result = await Refused("sweep", file);
        Assert.Contains("mode pareto is a search whose points are found as it runs: run it with silo tune", result.Err);
    }

    [Fact]
    public async Task APlainScenarioIsNotASweep()
    {
        var result = await Refused("sweep", _dir.Sub("base.yaml"));
        Assert.Contains("not a sweep file", result.Err);
    }

    [Fact]
    public async Task ABrokenSweepFileGetsItsYAMLErrorNotAWrongGuess()
    {
        var file = _dir.Write("broken.yaml", "run: [\nsweep: {seeds: 2}\n");
        var result = await Refused("sweep", file);
        Assert.Contains("broken.yaml:1:6: invalid YAML", result.Err);
        Assert.DoesNotContain("not a sweep file", result.Err);
    }

    [Fact]
    public async Task AFolderIsNotASweepFile()
    {
        var result = await Refused("sweep", _dir.Path);
        Assert.Contains($"{_dir.Path}: is a folder; name a sweep file", result.Err);
    }
}
