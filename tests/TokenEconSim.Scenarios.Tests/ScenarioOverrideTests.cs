using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Tests.Support;

namespace TokenEconSim.Scenarios.Tests;

public class ScenarioOverrideTests : IDisposable
{
    private readonly TempScenarioDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static KeyValuePair<string, string> Set(string key, string value) => new(key, value);

    [Fact]
    public void OverridesApplyAfterMergingAndLaterOnesWin()
    {
        _dir.Write("base.yaml", "run:\n  seed: 1\n  epochs: 5\n");
        var path = _dir.Write("child.yaml", "extends: base.yaml\nrun:\n  epochs: 6\n");
        var result = ScenarioLoader.LoadFile(path,
            [Set("run.seed", "7"), Set("run.epochs", "20"), Set("rewards.alpha", "0.5"), Set("rewards.beta", "0.2"),
             Set("populations.users.calls", "poisson(3)"), Set("run.epochs", "21"), Set("rewards.mode", "absolute")]);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var s = result.Scenario;
        Assert.Equal(7, s.Run.Seed);
        Assert.Equal(21, s.Run.Epochs);
        Assert.Equal(0.5, s.Rewards.Alpha);
        Assert.Equal(0.2, s.Rewards.Beta);
        Assert.Equal(3, s.Populations.Users.Calls.A);
        Assert.Equal(RewardMode.Absolute, s.Rewards.Mode);
    }

    [Fact]
    public void OverrideErrorsNameSetWithLineZero()
    {
        var path = _dir.Write("s.yaml", "run:\n  seed: 1\n");
        var result = ScenarioLoader.LoadFile(path, [Set("run.epcohs", "3"), Set("run.seed", "x")]);
        // Both are reported (after any file's errors); among themselves they follow the merged key order.
        Assert.Equal(
            ["--set: run.seed: expected an integer, got 'x'",
             "--set: unknown key 'epcohs' in section 'run'; did you mean 'epochs'?"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void MalformedOverrideKeysAreErrors()
    {
        var path = _dir.Write("s.yaml", "run:\n  seed: 1\n");
        var result = ScenarioLoader.LoadFile(path, [Set("run..seed", "3"), Set("extends", "other.yaml")]);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal((ScenarioLoader.OverrideSource, 0, 0), (e.File, e.Line, e.Column)));
        Assert.Contains("not a dotted key", result.Errors[0].Message);
        Assert.Contains("extends cannot be overridden", result.Errors[1].Message);
    }

    [Fact]
    public void OverrideBreakingTheSimplexIsReportedAtTheFilesRewardsSection()
    {
        var path = _dir.Write("s.yaml", "run:\n  seed: 1\nrewards:\n  alpha: 0.4\n");
        var error = Assert.Single(ScenarioLoader.LoadFile(path, [Set("rewards.alpha", "0.9")]).Errors);
        Assert.Contains("alpha + beta + gamma must equal 1", error.Message);
    }
}
