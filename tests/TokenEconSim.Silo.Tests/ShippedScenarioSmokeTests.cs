using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// Every scenario file shipped in scenarios/ validates and runs through the CLI. The cases come from
/// the directory listing, so a new file is tested without touching this class.
/// </summary>
public sealed class ShippedScenarioSmokeTests : IDisposable
{
    /// <summary>Roles are capped at this many agents so that even bench.yaml (10 000 agents) stays quick.</summary>
    private const int MaxPerRole = 50;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Scenarios)
                     .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                     .Select(Path.GetFileName)
                     .Order(StringComparer.Ordinal))
            data.Add(file!);
        return data;
    }

    /// <summary>The files `silo run` takes: sweep files (a `sweep:` section) are run by `silo sweep` and tested in Sweeps/.</summary>
    public static TheoryData<string> RunnableScenarioFiles() =>
        [.. ScenarioFiles().Select(row => row.Data).Where(f => !global::TokenEconSim.Scenarios.Sweeps.SweepLoader.HasSweepSection(Repo.Scenario(f)))];

    [Fact]
    public void TheListingFindsTheShippedScenarios()
    {
        var files = ScenarioFiles().Select(row => row.Data).ToList();
        Assert.Contains("baseline.yaml", files);
        Assert.Contains("bench.yaml", files);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public async Task Validates(string file)
    {
        var result = await SiloCli.InvokeAsync("validate", Repo.Scenario(file));

        CliAssert.Exit(0, result);
        Assert.Equal("", result.Err);
        Assert.Contains(": valid", result.Out);
    }

    [Theory]
    [MemberData(nameof(RunnableScenarioFiles))]
    public async Task Runs3EpochsOnTheDirectEngine(string file)
    {
        var path = Repo.Scenario(file);
        var scenario = TokenEconSim.Scenarios.ScenarioLoader.LoadFile(path).Scenario
            ?? throw new Xunit.Sdk.XunitException($"{file} does not load");
        var runName = scenario.Run.Name;

        var result = await SiloCli.InvokeAsync(
            ["run", path, "--epochs", "3", "--engine", "direct", "--quiet", "--out", _dir.Path, .. Populations.CapEachRole(path, MaxPerRole)]);

        CliAssert.Exit(0, result);
        var run = RunOutput.Single(_dir.Path, runName);
        Assert.Equal(3, run.MetricRows.Count);
        Assert.True(File.Exists(run.SummaryPath));
        Assert.True(File.Exists(run.ScenarioPath));
        // Every shipped economy has miners or validators: blocks.csv has a header and blocks.
        var blocks = File.ReadAllLines(Path.Combine(run.Folder, "blocks.csv"));
        Assert.Equal(scenario.Network.Enabled ? TokenEconSim.Results.BlocksCsvWriter.NetworkHeader : TokenEconSim.Results.BlocksCsvWriter.Header,
            blocks[0]);
        Assert.True(blocks.Length > 3, $"{file}: {blocks.Length - 1} blocks in 3 epochs");
    }
}
