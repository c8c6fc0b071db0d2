using System.Text.RegularExpressions;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Tests.Simulation;

public partial class MetricColumnsTests
{
    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [Fact]
    public void ColumnsAreUniqueSnakeCaseAndDescribed()
    {
        var names = MetricColumns.All.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(MetricColumns.All, c =>
        {
            Assert.Matches(SnakeCase(), c.Name);
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
        });
        Assert.Equal("epoch", names[0]);
        var economy = EconomyColumns.Group.Columns.Count;
        var behaviour = BehaviourColumns.Group.Columns.Count;
        var adversaries = YumaAdversaryColumns.Group.Columns.Count;
        var network = NetworkMetrics.Groups.Sum(g => g.Columns.Count);
        var yuma = YumaColumns.Group.Columns.Count + adversaries + network;
        // Seven per role, four more per role that can cheat (providers, trainers), their two pay ranks, the bonds' two.
        Assert.Equal(7 * Roles.Count + 4 * 2 + 4, behaviour);
        // Four per Yuma-scored role (providers, trainers); the partner's two, then three conducts' dividends per scored role.
        Assert.Equal(4 * 2, YumaColumns.Group.Columns.Count);
        Assert.Equal(2 + 3 * 2, adversaries);
        Assert.Equal(37 + 3 * Roles.Count + 4 + economy + behaviour + yuma, names.Count);
        // Appended at the end: federated learning's four, the token economy's, then the optional behaviour and Yuma groups'.
        Assert.Equal(["model_accuracy", "model_loss", "update_accepted", "trainer_updates"],
            names[^(4 + economy + behaviour + yuma)..^(economy + behaviour + yuma)]);
        Assert.Equal(EconomyColumns.Group.Columns.Select(c => c.Name), names.SkipLast(behaviour + yuma).TakeLast(economy));
        Assert.Equal(BehaviourColumns.Group.Columns.Select(c => c.Name), names.SkipLast(yuma).TakeLast(behaviour));
        Assert.Equal(YumaColumns.Group.Columns.Select(c => c.Name), names.SkipLast(adversaries + network).TakeLast(yuma - adversaries - network));
        Assert.Equal(YumaAdversaryColumns.Group.Columns.Select(c => c.Name), names.SkipLast(network).TakeLast(adversaries));
        // The network's six, the attacker's two, the double spends' two: last, and only in a network run's layout.
        Assert.Equal(6 + 2 + 2, network);
        Assert.Equal(NetworkMetrics.Groups.SelectMany(g => g.Columns).Select(c => c.Name), names.TakeLast(network));
        foreach (var role in Roles.All)
        {
            Assert.Contains($"reward_total_{role.Key()}", names);
            Assert.Contains($"reward_mean_{role.Key()}", names);
            Assert.Contains($"active_{role.Key()}", names);
        }
    }

    [Fact]
    public async Task ColumnsReadTheirField()
    {
        var row = (await DirectRun.RunAsync(new SmallScenario { Epochs = 2, Participation = 0.7 }))[1];
        Assert.Equal(1, MetricColumns.Named("epoch").Read(row));
        Assert.Equal(row.Supply, MetricColumns.Named("supply").Read(row));
        Assert.Equal(row.Accepted ? 1 : 0, MetricColumns.Named("accepted").Read(row));
        Assert.Equal(row.RewardTotal(Role.Trainer), MetricColumns.Named("reward_total_trainer").Read(row));
        Assert.Equal(row.RewardMean(Role.Miner), MetricColumns.Named("reward_mean_miner").Read(row));
        Assert.Equal(row.ActiveByRole[(int)Role.ServiceUser], MetricColumns.Named("active_user").Read(row));
        Assert.Equal(row.Gini, MetricColumns.Named("gini").Read(row));
        Assert.InRange(row.Gini, 0, 1);
    }

    [Fact]
    public void EveryStoredColumnHasItsOwnSlotInDeclarationOrder()
    {
        var stored = MetricColumns.Stored;
        Assert.Equal(Enumerable.Range(0, stored.Count), stored.Select(c => c.Slot));
        Assert.Equal(MetricColumns.All.OfType<StoredColumn>(), stored);
        // Each typed column reads back what was set, and only its own slot changed.
        var row = new EpochMetrics { [ConsensusColumns.Blocks] = 7, [LearningColumns.UpdateAccepted] = false, [EconomyColumns.TokenPrice] = 0.25 };
        Assert.Equal(7, row.Blocks);
        Assert.False(row.UpdateAccepted);
        Assert.Equal(0.25, row[EconomyColumns.TokenPrice]);
        var changed = stored.Where(c => row.RawValue(c) != c.DefaultBits).Select(c => c.Name);
        Assert.Equal(["blocks", "update_accepted", "token_price"], changed);
    }

    [Fact]
    public void ACopyMadeWithWithDoesNotChangeTheOriginal()
    {
        var original = new EpochMetrics { Supply = 5, RewardsByRole = [1, 2, 3, 4, 5] };
        var copy = original with { Supply = 6, RewardsByRole = [9, 9, 9, 9, 9] };
        Assert.Equal(5, original.Supply);
        Assert.Equal([1L, 2, 3, 4, 5], original.RewardsByRole);
        Assert.Equal(6, copy.Supply);
    }

    [Fact]
    public void ANewRowHoldsTheDeclaredDefaults()
    {
        var row = new EpochMetrics();
        Assert.True(double.IsNaN(row.MeanBlockTime));
        Assert.True(double.IsNaN(row.ModelAccuracy));
        Assert.Null(row.UpdateAccepted);
        Assert.Equal(1, row[EconomyColumns.TokenPrice]);
        Assert.Equal(0, row.Supply);
    }

    [Fact]
    public void TheEconomyPartSetsTheRowsEconomyColumns()
    {
        var economy = new EconomyMetrics { TokenPrice = 2.5, Revenue = 17, MinersOff = 3 };
        var row = new EpochMetrics { Supply = 1, Economy = economy };
        Assert.Equal(2.5, row[EconomyColumns.TokenPrice]);
        Assert.Equal(17, row[EconomyColumns.Revenue]);
        Assert.Equal(3, row[EconomyColumns.MinersOff]);
        Assert.Equal(1, row.Supply); // other groups untouched
    }

    [Fact]
    public void EveryColumnIsChartedOrDeclaredChartLess()
    {
        Assert.All(MetricColumns.All, c => Assert.True(c.Charts.Count > 0 || ReferenceEquals(c.Charts, ChartGroups.None),
            $"{c.Name}: seat it in a chart or declare it with ChartGroups.None"));
        // A browser chart without a declared series would be an empty box on the run page.
        Assert.All(ChartGroups.Browser.All, g => Assert.NotEmpty(g.Members()));
        Assert.All(MetricColumns.All.SelectMany(c => c.Charts), s =>
            Assert.Contains(s.Chart, s.Chart.Surface == ChartSurface.Browser ? ChartGroups.Browser.All : ChartGroups.Png.All));
        Assert.Equal(["difficulty", "hashrate", "hashrate_estimated", "hashrate_predicted"],
            ChartGroups.Browser.DifficultyHashrate.Members().Select(m => m.Column.Name));
    }

    [Fact]
    public void TheLayoutOfAScenarioHasEveryGroupItEnables()
    {
        Assert.Equal(MetricColumns.Groups.Where(g => !g.IsOptional).SelectMany(g => g.Columns), MetricLayout.For(new Scenario()).Columns);
        Assert.Equal(MetricColumns.All, MetricLayout.Every.Columns);
        var withoutEconomy = MetricLayout.Of(g => g != EconomyColumns.Group).Columns;
        Assert.Equal(MetricColumns.All.Except(EconomyColumns.Group.Columns), withoutEconomy);
    }

    [Fact]
    public void TheBehaviourColumnsAreWrittenOnlyWhenAPopulationResponds()
    {
        Assert.True(BehaviourColumns.Group.IsOptional);
        Assert.False(BehaviourColumns.Group.IsEnabled(new Scenario()));
        var responding = new Scenario { Behaviour = new BehaviourSection { Users = new UserBehaviour { Model = BehaviourModel.Logit } } };
        Assert.True(BehaviourColumns.Group.IsEnabled(responding));
        Assert.Equal(MetricLayout.For(new Scenario()).Columns.Concat(BehaviourColumns.Group.Columns), MetricLayout.For(responding).Columns);
    }

    [Fact]
    public void AnOptionalGroupIsEnabledByItsScenario()
    {
        var group = new MetricGroup("market_test", "test", s => s.Market.Enabled);
        Assert.True(group.IsOptional);
        Assert.False(group.IsEnabled(new Scenario()));
        Assert.True(group.IsEnabled(new Scenario { Market = new MarketSection { Enabled = true } }));
    }
}
