using TokenEconSim.Domain.Agents;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Results.Tests.Sweeps;

public class SummaryMetricsTests
{
    [Fact]
    public void EveryNumericFieldOfTheSummaryIsAMetricAndIdentityFieldsAreNot()
    {
        Assert.Contains("final_gini", SummaryMetrics.Names);
        Assert.Contains("final_supply", SummaryMetrics.Names);
        foreach (var role in Roles.All) Assert.Contains($"total_rewards_by_role.{role.Key()}", SummaryMetrics.Names);
        Assert.DoesNotContain("seed", SummaryMetrics.Names);
        Assert.DoesNotContain("name", SummaryMetrics.Names);
        Assert.DoesNotContain("version", SummaryMetrics.Names);
        Assert.DoesNotContain(SummaryMetrics.Names, n => n.Contains(RunSummary.ExactSuffix, StringComparison.Ordinal));
        Assert.All(SummaryMetrics.Main, m => Assert.Contains(m, SummaryMetrics.Names));
    }

    [Fact]
    public void ASummaryIsReadAsWrittenWithUndefinedValuesEmpty()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.Create(5);
        var summary = RunSummary.From(new RunInfo("r", 3, "", "direct", 10, "1"), rows);
        var path = Path.Combine(dir.Path, "summary.json");
        File.WriteAllBytes(path, summary.ToJsonBytes());

        var cells = SummaryMetrics.Read(path, SummaryMetrics.Names);

        Assert.Equal(SummaryMetrics.Names.Count, cells.Length);
        Assert.Equal(summary.FinalSupplyExact, cells[Index("final_supply")]); // exact token string, not a rounded double
        Assert.Equal(summary.FinalGini!.Value, SummaryMetrics.Value(cells[Index("final_gini")]));
        Assert.Equal(summary.TotalRewardsByRoleExact["miner"], cells[Index("total_rewards_by_role.miner")]);
        var empty = Path.Combine(dir.Path, "empty.json");
        File.WriteAllBytes(empty, RunSummary.From(new RunInfo("r", 3, "", "direct", 10, "1"), []).ToJsonBytes());
        Assert.Equal("", SummaryMetrics.Read(empty, SummaryMetrics.Names)[Index("final_gini")]);
        Assert.True(double.IsNaN(SummaryMetrics.Value("")));
    }

    private static int Index(string metric) => SummaryMetrics.Names.ToList().IndexOf(metric);
}
