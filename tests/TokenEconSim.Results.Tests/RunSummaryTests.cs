using System.Text.Json;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results.Tests;

public class RunSummaryTests
{
    private static readonly RunInfo Info = new("baseline", 42, "run:\n  name: baseline\n", "direct", 100, "0.1.0");

    [Fact]
    public void IdenticalRowsGiveIdenticalJsonWhateverTheEngine()
    {
        var rows = SampleRows.Create(40);
        var direct = RunSummary.From(Info, rows).ToJson();
        var orleans = RunSummary.From(Info with { Engine = "orleans", AgentsPerGrain = 1 }, SampleRows.Create(40)).ToJson();
        Assert.Equal(direct, orleans);
        Assert.DoesNotContain("engine", direct);
        Assert.DoesNotContain("agents_per_grain", direct);
        Assert.DoesNotContain("\r", direct);
    }

    [Fact]
    public void TotalsAreExactAndNamesAreSnakeCase()
    {
        var rows = SampleRows.Create(12);
        var json = JsonDocument.Parse(RunSummary.From(Info, rows).ToJson()).RootElement;
        Assert.Equal("baseline", json.GetProperty("name").GetString());
        Assert.Equal(42, json.GetProperty("seed").GetInt64());
        Assert.Equal("0.1.0", json.GetProperty("version").GetString());
        Assert.Equal(12, json.GetProperty("epochs").GetInt32());
        Assert.Equal(TokenUnits.ToTokens(rows[^1].Supply), json.GetProperty("final_supply").GetDouble());
        Assert.Equal(TokenUnits.Format(rows[^1].Supply), json.GetProperty("final_supply_exact").GetString());
        Assert.Equal(TokenUnits.ToTokens(rows.Sum(r => r.Minted)), json.GetProperty("total_minted").GetDouble());
        Assert.Equal(TokenUnits.Format(rows.Sum(r => r.Minted)), json.GetProperty("total_minted_exact").GetString());
        Assert.Equal(TokenUnits.Format(rows.Sum(r => r.Burned)), json.GetProperty("total_burned_exact").GetString());
        Assert.Equal(rows[^1].Gini, json.GetProperty("final_gini").GetDouble());
        Assert.Equal(rows.Count(r => r.Accepted) / 12.0, json.GetProperty("acceptance_rate").GetDouble());
        var rewards = json.GetProperty("total_rewards_by_role");
        Assert.Equal(["provider", "trainer", "user", "validator", "miner"], rewards.EnumerateObject().Select(p => p.Name));
        Assert.Equal(TokenUnits.ToTokens(rows.Sum(r => r.RewardsByRole[4])), rewards.GetProperty("miner").GetDouble());
        var exact = json.GetProperty("total_rewards_by_role_exact");
        Assert.Equal(TokenUnits.Format(rows.Sum(r => r.RewardsByRole[4])), exact.GetProperty("miner").GetString());
    }

    /// <summary>Every token amount is a JSON number that pandas can average, its exact twin a string of the same value.</summary>
    [Fact]
    public void TokenAmountsAreNumbersWithTheirExactStringBeside()
    {
        var json = JsonDocument.Parse(RunSummary.From(Info, SampleRows.Create(7)).ToJson()).RootElement;
        foreach (var name in (string[])["final_supply", "total_minted", "total_burned"])
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(name).ValueKind);
            var exact = json.GetProperty(name + RunSummary.ExactSuffix).GetString()!;
            Assert.Equal(decimal.Parse(exact, System.Globalization.CultureInfo.InvariantCulture), json.GetProperty(name).GetDecimal());
        }
        Assert.All(json.GetProperty("total_rewards_by_role").EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
    }

    [Fact]
    public void MeanBlockTimeWeighsEpochsByBlocksAndSkipsEpochsWithoutBlocks()
    {
        var rows = new[]
        {
            SampleRows.Row(0) with { Blocks = 1, MeanBlockTime = 100 },
            SampleRows.Row(1) with { Blocks = 3, MeanBlockTime = 200 },
            SampleRows.Row(2) with { Blocks = 0, MeanBlockTime = double.NaN },
        };
        Assert.Equal(175, RunSummary.From(Info, rows).MeanBlockTime);
    }

    [Fact]
    public void NoRowsGivesNullsNotErrors()
    {
        var summary = RunSummary.From(Info, []);
        Assert.Null(summary.FinalSupply);
        Assert.Null(summary.MeanBlockTime);
        Assert.Equal("0.00000000", summary.TotalMintedExact);
        Assert.Equal(0, summary.TotalMinted);
        Assert.Contains("\"final_supply\": null", summary.ToJson());
    }

    [Fact]
    public void TheMiningPartIsWrittenOnlyForNetworkRunsAndSumsTheRows()
    {
        Assert.DoesNotContain("\"mining\"", RunSummary.From(Info, SampleRows.Create(3)).ToJson());
        IReadOnlyList<EpochMetrics> rows =
        [
            SampleRows.Row(0) with { Blocks = 90, Network = new NetworkMetrics { StaleBlocks = 10, MaxForkDepth = 2 } },
            SampleRows.Row(1) with
            {
                Blocks = 80,
                Network = new NetworkMetrics
                {
                    StaleBlocks = 20, MaxForkDepth = 1, AttackerHashrateShare = 0.25, AttackerRevenueShare = 0.3,
                    DoubleSpendAttempts = 4, DoubleSpendSuccesses = 1,
                },
            },
        ];
        var n = RunSummary.From(Info, rows, network: true).Mining!;
        Assert.Equal((30L, 2), (n.StaleBlocks, n.MaxForkDepth));
        Assert.Equal(30.0 / 200, n.StaleRate);
        Assert.Equal((0.25, 0.3), (n.AttackerHashrateShare, n.AttackerRevenueShare)); // the mean of the defined shares; the last revenue
        Assert.Equal((4L, 1L, 0.25), (n.DoubleSpendAttempts, n.DoubleSpendSuccesses, n.DoubleSpendSuccessRate));
        var json = RunSummary.From(Info, rows, network: true).ToJson();
        Assert.Contains("\"mining\": {\n    \"stale_blocks\": 30,", json);
    }
}
