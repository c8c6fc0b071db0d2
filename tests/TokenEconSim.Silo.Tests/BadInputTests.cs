using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>Bad command lines (docs/model.md §16): exit 2, a readable message, no stack trace, no results folder.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Baseline => Repo.Scenario("baseline.yaml");

    private string Out => _dir.Sub("runs");

    [Fact]
    public async Task UnknownFlagExits2NamingIt()
    {
        var result = await SiloCli.InvokeAsync("run", "x.yaml", "--bogus");

        CliAssert.Exit(2, result);
        Assert.Contains("--bogus", result.Err);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task UnknownEngineExits2NamingItAndNothingIsWritten()
    {
        var result = await SiloCli.InvokeAsync("run", Baseline, "--engine", "warp", "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        Assert.Contains("warp", result.Err);
        CliAssert.NoStackTrace(result);
        CliAssert.NothingWritten(Out);
    }

    [Fact]
    public async Task OutOfRangeSetExits2WithOneLineNamingTheKeyAndNothingIsWritten()
    {
        var result = await SiloCli.InvokeAsync("run", Baseline, "--set", "rewards.alpha=2", "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("rewards.alpha", line);
        Assert.Contains("2", line);
        CliAssert.NoStackTrace(result);
        CliAssert.NothingWritten(Out);
    }

    [Fact]
    public async Task MisspeltSetKeyExits2WithASuggestion()
    {
        var result = await SiloCli.InvokeAsync("run", Baseline, "--set", "populations.users.cuont=3", "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("'cuont'", line);
        Assert.Contains("did you mean 'count'", line);
        CliAssert.NothingWritten(Out);
    }

    [Theory]
    [InlineData("rewards.alpha")]
    [InlineData("=0.5")]
    public async Task SetWithoutKeyAndValueExits2(string set)
    {
        var result = await SiloCli.InvokeAsync("run", Baseline, "--set", set, "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains(set, line);
        CliAssert.NoStackTrace(result);
        CliAssert.NothingWritten(Out);
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "-3")]
    [InlineData("--epochs", "many")]
    [InlineData("--seed", "abc")]
    public async Task BadEpochsOrSeedExits2(string flag, string value)
    {
        var result = await SiloCli.InvokeAsync("run", Baseline, flag, value, "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        Assert.Contains(value, result.Err);
        CliAssert.NothingWritten(Out);
    }

    // Every integer flag of every command: a word or an out-of-range number is a parse error naming
    // the flag (before, a validator reading the failed conversion threw out of the parser: exit 134).
    [Theory]
    [InlineData("bench --n abc", "--n: 'abc' is not an integer")]
    [InlineData("bench --runs 99999999999", "--runs: 99999999999 is out of range [1, 2147483647]")]
    [InlineData("bench --epochs 0", "--epochs must be ≥ 1, got 0")]
    [InlineData("bench --per-agent-limit 1.5", "--per-agent-limit: '1.5' is not an integer")]
    [InlineData("compare-difficulty --seeds x", "--seeds: 'x' is not an integer")]
    [InlineData("compare-difficulty --epochs 0", "--epochs must be ≥ 1, got 0")]
    [InlineData("sweep s.yaml --parallel many", "--parallel: 'many' is not an integer")]
    [InlineData("tune s.yaml --max-evals 2", "--max-evals must be ≥ 3 (the start simplex), got 2")]
    [InlineData("serve --port 70000", "--port: 70000 is out of range [0, 65535]")]
    [InlineData("host --gateway-port x", "--gateway-port: 'x' is not an integer")]
    [InlineData("run s.yaml --checkpoint-every -1", "--checkpoint-every: -1 is out of range [0, 10000000]")]
    public async Task Bad_integer_flags_exit_2_naming_the_flag(string args, string message)
    {
        var result = await SiloCli.InvokeAsync(args.Split(' '));

        CliAssert.Exit(2, result);
        Assert.Equal($"error: {message}", result.ErrLines[0]);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task RunOfAMissingScenarioExits2AndWritesNothing()
    {
        var missing = _dir.Sub("missing.yaml");

        var result = await SiloCli.InvokeAsync("run", missing, "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        Assert.StartsWith(missing, Assert.Single(result.ErrLines));
        CliAssert.NoStackTrace(result);
        CliAssert.NothingWritten(Out);
    }

    [Fact]
    public async Task RunOfAFolderExits2SayingItIsAFolder()
    {
        var result = await SiloCli.InvokeAsync("run", _dir.Path, "--out", Out, "--quiet");

        CliAssert.Exit(2, result);
        Assert.Equal($"{_dir.Path}: is a folder; name a scenario file, e.g. scenarios/baseline.yaml", Assert.Single(result.ErrLines));
        CliAssert.NothingWritten(Out);
    }

    [Fact]
    public async Task RunWithoutAScenarioExits2()
    {
        var result = await SiloCli.InvokeAsync("run");

        CliAssert.Exit(2, result);
        Assert.Contains("scenario", result.Err);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task UnknownCommandExits2()
    {
        var result = await SiloCli.InvokeAsync("frobnicate");

        CliAssert.Exit(2, result);
        Assert.Contains("frobnicate", result.Err);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task HelpExits0AndListsBothCommands()
    {
        var result = await SiloCli.InvokeAsync("--help");

        CliAssert.Exit(0, result);
        Assert.Contains("run", result.Out);
        Assert.Contains("validate", result.Out);
    }
}
