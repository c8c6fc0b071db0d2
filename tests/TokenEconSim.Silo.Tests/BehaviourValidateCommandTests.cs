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
            consensus:
              finality: pbft
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
            // Providers, users and (under proof of work) miners respond under federated learning; validators only with vote
            // finality, so here they are refused.
            Assert.Equal(1, result.ErrLines.Count(l => l.StartsWith(path, StringComparison.Ordinal)));
            Assert.Contains(result.ErrLines, l => l.StartsWith($"{path}:11:12: ", StringComparison.Ordinal)
                && l.Contains("behaviour.validators.model: best_response: validators' pay does not follow the stake they bond under "
                    + "consensus.finality pbft"));
            CliAssert.NoStackTrace(result);
        }
    }

    [Theory]
    [InlineData("consensus:\n  kind: pos\n", "under consensus.kind pos")]
    [InlineData("consensus:\n  kind: dpos\n", "under consensus.kind dpos")]
    [InlineData("consensus:\n  finality: pbft\n", "under consensus.finality pbft")]
    [InlineData("governance:\n  enabled: true\n", "beside governance.enabled")]
    [InlineData("populations:\n  validators:\n    count: 7\nbehaviour:\n  validators:\n    max_count: 9\n",
        "max_count 9 above populations.validators.count 7")]
    public async Task RespondingValidatorsAreRefusedWhereTheirPayDoesNotFollowTheirBond(string other, string message)
    {
        var yaml = other.Contains("behaviour:", StringComparison.Ordinal)
            ? other + "    model: logit\n"
            : other + "behaviour:\n  validators:\n    model: logit\n";
        var path = _dir.Write("validators.yaml", yaml);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("model: logit", StringComparison.Ordinal)) + 1;
        foreach (var command in (string[])["validate", "run"])
        {
            var result = await SiloCli.InvokeAsync(command, path);
            CliAssert.Exit(2, result);
            var error = Assert.Single(result.ErrLines, l => l.StartsWith(path, StringComparison.Ordinal));
            Assert.StartsWith($"{path}:{line}:12: behaviour.validators.model: logit: ", error);
            Assert.Contains(message, error);
            CliAssert.NoStackTrace(result);
        }
    }

    [Fact]
    public async Task RespondingValidatorsValidateUnderProofOfWorkWithVoteFinality()
    {
        var path = _dir.Write("validators-ok.yaml", "behaviour:\n  validators:\n    model: best_response\n    stake_yield: 0.01\n");
        var result = await SiloCli.InvokeAsync("validate", path);
        CliAssert.Exit(0, result);
    }

    [Theory]
    [InlineData("consensus:\n  kind: pos\n", "behaviour.miners.model: logit: miners earn nothing under consensus.kind pos")]
    [InlineData("consensus:\n  kind: dpos\n", "behaviour.miners.model: logit: miners earn nothing under consensus.kind dpos")]
    [InlineData("market:\n  enabled: true\n", "behaviour.miners.model: logit: responding miners replace the market's profitability switch")]
    public async Task RespondingMinersAreRefusedWhereNoBlockRewardReachesThemOrBesideTheMarketsSwitch(string other, string message)
    {
        var path = _dir.Write("miners.yaml", other
            + "behaviour:\n  miners:\n    model: logit\n");
        foreach (var command in (string[])["validate", "run"])
        {
            var result = await SiloCli.InvokeAsync(command, path);
            CliAssert.Exit(2, result);
            Assert.Single(result.ErrLines, l => l.StartsWith(path, StringComparison.Ordinal));
            Assert.StartsWith($"{path}:5:12: {message}", result.ErrLines.Single(l => l.StartsWith(path, StringComparison.Ordinal)));
            CliAssert.NoStackTrace(result);
        }
    }

    [Fact]
    public async Task RespondingMinersValidateUnderProofOfWork()
    {
        var path = _dir.Write("miners-ok.yaml", "behaviour:\n  miners:\n    model: best_response\n    energy_cost: 50\n    max_count: 40\n");
        var result = await SiloCli.InvokeAsync("validate", path);
        CliAssert.Exit(0, result);
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
