using System.Text.Json;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Sweeps;

namespace TokenEconSim.Results.Tests;

/// <summary>summary.json's "incentives" part: only when some population responds, and what it averages.</summary>
public class IncentiveSummaryTests
{
    private static readonly RunInfo Info = new("r", 3, "", "direct", 10, "1");

    [Fact]
    public void ASummaryOfDrawingPopulationsHasNoBehaviourPart()
    {
        var json = RunSummary.From(Info, SampleRows.Create(5)).ToJson();

        Assert.DoesNotContain("incentives", json);
        Assert.Equal(json, RunSummary.From(Info, SampleRows.Create(5), responding: false).ToJson());
    }

    [Fact]
    public void RespondingPopulationsAreSummarisedPerRoleOverTheDefinedEpochs()
    {
        // Providers: 10, 20, 30, 40 active; effort undefined in the first epoch (no one took part yet).
        var rows = Enumerable.Range(0, 4).Select(e => new EpochMetrics
        {
            Epoch = e,
            ActiveByRole = [10 * (e + 1), 5, 7, 0, 0],
            [BehaviourColumns.Entries[0]] = e,
            [BehaviourColumns.Exits[0]] = 1,
            [BehaviourColumns.EffortMean[0]] = e == 0 ? double.NaN : 0.5 + 0.1 * e,
            [BehaviourColumns.CostTotal[0]] = 2.5,
            [BehaviourColumns.ProfitMean[0]] = e - 1.0,
            [BehaviourColumns.ProfitableShare[0]] = e / 4.0,
            [BehaviourColumns.CheatingRate[0]] = e == 3 ? 0.2 : 0,
            [BehaviourColumns.EffortMean[4]] = 0.25 * e, // miners: the share of their hashrate switched on
        }).ToList();

        using var doc = JsonDocument.Parse(RunSummary.From(Info, rows, responding: true).ToJson());
        var behaviour = doc.RootElement.GetProperty("incentives");
        var provider = behaviour.GetProperty("provider");

        Assert.Equal(["provider", "trainer", "user", "validator", "miner"], behaviour.EnumerateObject().Select(p => p.Name));
        Assert.Equal(25.0, provider.GetProperty("active_mean").GetDouble());
        Assert.Equal(40, provider.GetProperty("active_final").GetInt32());
        Assert.Equal(6, provider.GetProperty("entries").GetInt32());
        Assert.Equal(4, provider.GetProperty("exits").GetInt32());
        Assert.Equal(0.7, provider.GetProperty("effort_mean").GetDouble(), 12);
        Assert.Equal(10.0, provider.GetProperty("cost_total").GetDouble());
        Assert.Equal(0.5, provider.GetProperty("profit_mean").GetDouble());
        Assert.Equal(0.375, provider.GetProperty("profitable_share").GetDouble());
        Assert.Equal(0.05, provider.GetProperty("cheating_rate").GetDouble(), 12);
        Assert.Equal(5.0, behaviour.GetProperty("trainer").GetProperty("active_mean").GetDouble());
        Assert.Equal(JsonValueKind.Null, behaviour.GetProperty("trainer").GetProperty("effort_mean").ValueKind);
        Assert.Equal(0.375, behaviour.GetProperty("miner").GetProperty("effort_mean").GetDouble());
        // Users, validators and miners cannot cheat: they have no cheating columns, and nothing to say about it.
        Assert.Equal(JsonValueKind.Null, behaviour.GetProperty("miner").GetProperty("cheating_rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, behaviour.GetProperty("user").GetProperty("cheating_paid").ValueKind);
    }

    [Fact]
    public void SweepsOfRespondingRunsTabulateTheBehaviourMetricsAndOthersKeepTheirColumns()
    {
        Assert.Equal(SummaryMetrics.Names, SummaryMetrics.Responding.Take(SummaryMetrics.Names.Count));
        Assert.Contains("incentives.provider.active_mean", SummaryMetrics.Responding);
        Assert.Contains("incentives.trainer.cheating_rate", SummaryMetrics.Responding);
        Assert.DoesNotContain(SummaryMetrics.Names, n => n.StartsWith("incentives.", StringComparison.Ordinal));
        Assert.Same(SummaryMetrics.Names, SummaryMetrics.For(responding: false));
    }
}
