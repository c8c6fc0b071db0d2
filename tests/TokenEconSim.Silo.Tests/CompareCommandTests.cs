using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo compare-difficulty`: every algorithm on an environment, a CSV row each, the charts.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EveryAlgorithmGetsARowAndTheEnvironmentItsCharts()
    {
        var result = await SiloCli.InvokeAsync("compare-difficulty", "--seeds", "1", "--epochs", "4", "--out", _dir.Path,
            "--environments", Repo.Scenario("env-drop-recovery.yaml"));
        CliAssert.Exit(0, result);
        var folder = Directory.GetDirectories(_dir.Path).Single();
        var csv = File.ReadAllLines(Path.Combine(folder, "comparison.csv"));
        Assert.StartsWith("environment,algorithm,seeds,block_time_mean", csv[0]);
        Assert.Equal(["bitcoin", "asert", "ethereum", "lstm", "lstm_asert"], csv.Skip(1).Select(l => l.Split(',')[1]));
        Assert.All(csv.Skip(1), l => Assert.StartsWith("env-drop-recovery,", l));
        Assert.Contains("| env-drop-recovery | lstm_asert |", result.Out);
        foreach (var chart in new[] { "difficulty", "block_time", "hashrate_prediction", "block_time_distribution" })
            Assert.True(new FileInfo(Path.Combine(folder, "charts", $"env-drop-recovery_{chart}.png")).Length > 1_000, chart);
    }

    [Fact]
    public async Task ZeroSeedsIsBadInput()
    {
        var result = await SiloCli.InvokeAsync("compare-difficulty", "--seeds", "0");
        CliAssert.Exit(2, result);
        CliAssert.NoStackTrace(result);
        Assert.Contains("--seeds must be ≥ 1", result.Err);
    }

    [Fact]
    public async Task AMissingEnvironmentIsBadInputBeforeAnyRun()
    {
        var result = await SiloCli.InvokeAsync("compare-difficulty", "--out", _dir.Path, "--environments", _dir.Sub("nope.yaml"));
        CliAssert.Exit(2, result);
        CliAssert.NoStackTrace(result);
        Assert.Empty(Directory.GetDirectories(_dir.Path));
    }
}
