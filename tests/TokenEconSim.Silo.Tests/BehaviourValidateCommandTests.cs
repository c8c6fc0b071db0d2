using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo validate` on a bad behaviour section: exit 2, one file:line:column line per problem, in document order.</summary>
public sealed class BehaviourValidateCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EveryBadBehaviourValueIsOneLineNamingWhereItIs()
    {
        var path = _dir.Write("behaviour.yaml", """
            populations:
              trainers:
                count: 20
            behaviour:
              data_providers:
                model: rational
                cost_per_record: -1
              trainers:
                lambda: -0.5
                max_count: 10
              users:
                epsilon: 1.5
            """);

        var result = await SiloCli.InvokeAsync("validate", path);

        CliAssert.Exit(2, result);
        Assert.Equal(5, result.ErrLines.Count);
        Assert.StartsWith($"{path}:6:12: ", result.ErrLines[0]);
        Assert.Contains("known: fixed, best_response, logit, bandit", result.ErrLines[0]);
        Assert.StartsWith($"{path}:7:22: ", result.ErrLines[1]);
        Assert.Contains("behaviour.data_providers.cost_per_record: -1 is out of range", result.ErrLines[1]);
        Assert.StartsWith($"{path}:9:13: ", result.ErrLines[2]);
        Assert.Contains("behaviour.trainers.lambda: -0.5 is out of range", result.ErrLines[2]);
        Assert.StartsWith($"{path}:10:16: ", result.ErrLines[3]);
        Assert.Contains("behaviour.trainers.max_count: the maximum population 10 is below the initial populations.trainers.count 20",
            result.ErrLines[3]);
        Assert.StartsWith($"{path}:12:14: ", result.ErrLines[4]);
        Assert.Contains("behaviour.users.epsilon: 1.5 is out of range; valid: 0 … 1", result.ErrLines[4]);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task APopulationTheLoopDoesNotRunIsRefusedNotRunAsFixed()
    {
        var path = _dir.Write("unwired.yaml", """
            learning:
              kind: federated
            behaviour:
              data_providers:
                model: logit
              users:
                model: logit
              validators:
                model: best_response
              miners:
                model: bandit
            """);

        foreach (var command in (string[])["validate", "run"])
        {
            var result = await SiloCli.InvokeAsync(command, path);
            CliAssert.Exit(2, result);
            // Providers and users respond under federated learning; only the validators and miners are refused.
            Assert.Equal(2, result.ErrLines.Count(l => l.StartsWith(path, StringComparison.Ordinal)));
            Assert.Contains(result.ErrLines, l => l.StartsWith($"{path}:9:12: ", StringComparison.Ordinal)
                && l.Contains("behaviour.validators.model: best_response is not run for validators yet"));
            Assert.Contains(result.ErrLines, l => l.StartsWith($"{path}:11:12: ", StringComparison.Ordinal)
                && l.Contains("behaviour.miners.model: bandit is not run for miners yet"));
            CliAssert.NoStackTrace(result);
        }
    }

    [Fact]
    public async Task AStakeAboveTheInitialBalanceIsRefused()
    {
        var path = _dir.Write("stake.yaml", "behaviour:\n  trainers:\n    model: logit\n    stake: 150\n");
        var result = await SiloCli.InvokeAsync("validate", path);
        CliAssert.Exit(2, result);
        Assert.StartsWith($"{path}:4:12: behaviour.trainers.stake: 150 is above token.initial_balance 100", result.ErrLines[0]);
    }

    [Fact]
    public async Task ARespondingPopulationValidates()
    {
        var path = _dir.Write("ok.yaml", "behaviour:\n  data_providers:\n    model: logit\n    lambda: 50\n    max_count: 80\n");
        var result = await SiloCli.InvokeAsync("validate", path);
        CliAssert.Exit(0, result);
    }
}
