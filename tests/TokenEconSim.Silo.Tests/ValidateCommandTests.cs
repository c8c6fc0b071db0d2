using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo validate`: docs/model.md §14 (errors name file, line and column) and §16 (exit 2 on bad input).</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TypoInAKeyIsOneLineNamingFileLineColumnAndTheSuggestion()
    {
        var path = _dir.Write("typo.yaml", "run:\n  name: typo\n  epoks: 10\n");

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith($"{path}:3:3: ", line);
        Assert.Contains("'epoks'", line);
        Assert.Contains("did you mean 'epochs'", line);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task WrongTypeIsOneLinePointingAtTheValue()
    {
        var path = _dir.Write("wrong-type.yaml", "run:\n  name: wrong\n  epochs: ten\n");

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith($"{path}:3:11: ", line);
        Assert.Contains("run.epochs", line);
        Assert.Contains("'ten'", line);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task InvalidYamlIsOneLinePointingAtTheUnclosedBracket()
    {
        var path = _dir.Write("broken.yaml", "run:\n  name: [broken\n  epochs: 3\n");

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith($"{path}:2:9: ", line);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task SeveralProblemsGiveOneLineEachInDocumentOrder()
    {
        var path = _dir.Write("multi.yaml",
            "run:\n  name: multi\n  epoks: 3\ntoken:\n  block_reward: lots\npopulations:\n  users:\n    cuont: 3\n");

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(2, result);
        Assert.Collection(result.ErrLines,
            l => Assert.StartsWith($"{path}:3:3: ", l),
            l => Assert.StartsWith($"{path}:5:17: token.block_reward", l),
            l => Assert.StartsWith($"{path}:8:5: ", l));
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task AnErrorInAnExtendedFileNamesThatFile()
    {
        var basePath = _dir.Write("base.yaml", "run:\n  name: base\n  epoks: 3\n");
        var child = _dir.Write("child.yaml", "extends: base.yaml\nrun:\n  name: child\n  seed: x\n");

        var result = await SiloCli.InvokeAsync("validate", child);

        CliAssert.Exit(2, result);
        Assert.Collection(result.ErrLines,
            l => Assert.StartsWith($"{child}:4:9: run.seed", l),
            l => Assert.StartsWith($"{basePath}:3:3: ", l));
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task AGoodFileExits0AndSaysSoOnStdout()
    {
        var path = Repo.Scenario("baseline.yaml");

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(0, result);
        Assert.Equal("", result.Err);
        var line = Assert.Single(result.OutLines);
        Assert.StartsWith($"{path}: valid", line);
        Assert.Contains("seed 42", line);
    }

    [Fact]
    public async Task AMissingFileExits2WithOneLineNamingIt()
    {
        var path = _dir.Sub("no-such-scenario.yaml");

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith(path, line);
        Assert.Contains("not found", line);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task ADirectoryInsteadOfAFileExits2()
    {
        var result = await SiloCli.InvokeAsync("validate", _dir.Path);

        CliAssert.Exit(2, result);
        Assert.Single(result.ErrLines);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task ASweepFileReportsHowManyRunsItExpandsTo()
    {
        var path = _dir.Write("sweep.yaml",
            $"extends: {Repo.Scenario("baseline.yaml")}\nsweep:\n  parameters:\n    token.emission_per_epoch: [5000, 10000]\n  simplex:\n    step: "
            + "0.1\n  seeds: 5\n");
        var result = await SiloCli.InvokeAsync("validate", path);
        CliAssert.Exit(0, result);
        Assert.Contains("132 points × 5 seeds = 660 runs", result.Out);
    }

    [Fact]
    public async Task AZipSweepWithUnevenListsIsRefusedNamingTheLengths()
    {
        var path = _dir.Write("zip.yaml",
            $"extends: {Repo.Scenario("baseline.yaml")}\nsweep:\n  mode: zip\n  parameters:\n    token.emission_per_epoch: [5000, 10000]\n    "
            + "populations.users.count: [1, 2, 3]\n");
        var result = await SiloCli.InvokeAsync("validate", path);
        CliAssert.Exit(2, result);
        CliAssert.NoStackTrace(result);
        Assert.Contains($"{path}:4:3: sweep.parameters: mode zip needs lists of one length", result.Err);
    }

    [Fact]
    public async Task AGoodFileShowsItsMemoryEstimateWhichGrowsWithTheAgents()
    {
        var small = await SiloCli.InvokeAsync("validate", Repo.Scenario("baseline.yaml"));
        var big = _dir.Write("big.yaml", $"extends: {Repo.Scenario("baseline.yaml")}\npopulations:\n  users:\n    count: 1000000\n");
        var large = await SiloCli.InvokeAsync("validate", big);

        CliAssert.Exit(0, small);
        CliAssert.Exit(0, large);
        var (smallMiB, largeMiB) = (EstimateMiB(small.Out), EstimateMiB(large.Out));
        // 10⁶ more agents: at least the shards' arrays (105 bytes per agent: random state 32, balance 8,
        // weight 8, two values 16, active 1, score 16, sorted balances 16, sort buffer 8).
        Assert.True(largeMiB - smallMiB >= 1_000_000 * 105 / (1 << 20), $"estimates {smallMiB} and {largeMiB} MiB");
    }

    [Fact]
    public async Task TheEstimateCountsARespondingPopulationsLatentAgents()
    {
        // A responding population's shards host max_count agents, present or latent (docs/model.md §17.5).
        var present = _dir.Write("present.yaml", $"extends: {Repo.Scenario("free-entry.yaml")}\nbehaviour:\n  data_providers:\n"
            + "    max_count: 0\n");
        var latent = _dir.Write("latent.yaml", $"extends: {Repo.Scenario("free-entry.yaml")}\nbehaviour:\n  data_providers:\n"
            + "    max_count: 1000000\n");

        var (few, many) = (await SiloCli.InvokeAsync("validate", present), await SiloCli.InvokeAsync("validate", latent));

        CliAssert.Exit(0, few);
        CliAssert.Exit(0, many);
        Assert.True(EstimateMiB(many.Out) - EstimateMiB(few.Out) >= 1_000_000 * 105 / (1 << 20),
            $"estimates {EstimateMiB(few.Out)} and {EstimateMiB(many.Out)} MiB");
    }

    private static double EstimateMiB(string output)
    {
        var text = output.Split("memory estimate ")[1];
        var value = double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return text.Split(' ')[1].StartsWith("GiB", StringComparison.Ordinal) ? value * 1024 : value;
    }
}
