using System.Text.RegularExpressions;
using TokenEconSim.Domain.Agents;
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
        Assert.Equal(37 + 3 * Roles.Count + 4 + EconomyColumns.All.Count, names.Count);
        // Appended at the end: federated learning's four, then the token economy's.
        Assert.Equal(["model_accuracy", "model_loss", "update_accepted", "trainer_updates"], names[^(4 + EconomyColumns.All.Count)..^EconomyColumns.All.Count]);
        Assert.Equal(EconomyColumns.All.Select(c => c.Name), names.TakeLast(EconomyColumns.All.Count));
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
}
