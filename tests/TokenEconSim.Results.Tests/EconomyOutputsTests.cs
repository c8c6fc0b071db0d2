using System.Text;
using System.Xml.Linq;
using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

public class EconomyOutputsTests
{
    private static readonly ProposalRecord Passed = new(0, 5, ProposalKind.Scheduled, 0.3, 0.45, 0.25, 60.5, 10.25, 3, true, true, 8);
    private static readonly ProposalRecord Failed = new(1, 12, ProposalKind.Adaptive, 1, 0, 0, 5, 70, 0, true, false, -1);

    /// <summary>Sample rows with a governance vote at 5 and 12, a pool, and one creator's sales every third epoch.</summary>
    private static IReadOnlyList<EpochMetrics> Rows() => [.. SampleRows.Create(20).Select(r => r with
    {
        Alpha = r.Epoch < 8 ? 0.4 : 0.3, Beta = r.Epoch < 8 ? 0.3 : 0.45, Gamma = r.Epoch < 8 ? 0.3 : 0.25,
        Economy = new EconomyMetrics
        {
            Proposals = r.Epoch == 5 ? [Passed] : r.Epoch == 12 ? [Failed] : [],
            TokenPrice = 1 - 0.01 * r.Epoch, ReserveToken = (1_000 + 10 * r.Epoch) * 100_000_000L,
                ReserveStable = (1_000 - 9 * r.Epoch) * 100_000_000L,
            Sales = r.Epoch % 3 == 0 ? [new CreatorSales(42, 1, 2, 350_000_000)] : [],
        },
    })];

    private static string Write<T>(Func<Stream, T> open, Action<T, EpochMetrics> write) where T : CsvStreamWriter
    {
        var stream = new MemoryStream();
        using (var w = open(stream))
            foreach (var row in Rows()) write(w, row);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void GovernanceCsvHasOneRowPerVote()
    {
        var text = Write(s => new GovernanceCsvWriter(s), (w, r) => w.Write(r));
        Assert.Equal(
            GovernanceCsvWriter.Header + "\n" +
            "0,5,scheduled,0.3,0.45,0.25,60.5,10.25,3,1,1,8\n" +
            "1,12,adaptive,1,0,0,5,70,0,1,0,-1\n", text);
    }

    [Fact]
    public void MarketplaceCsvHasOneRowPerCreatorAndEpochWithExactRevenue()
    {
        var lines = Write(s => new MarketplaceCsvWriter(s), (w, r) => w.Write(r)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(MarketplaceCsvWriter.Header, lines[0]);
        Assert.Equal(7, lines.Length - 1); // epochs 0, 3, …, 18
        Assert.Equal("3,42,1,2,3.50000000", lines[2]);
    }

    [Theory]
    [InlineData(EconomyCharts.Weights, new[] { "Reward weights α, β, γ (changed by governance)", "Epoch", "Weight (α + β + γ = 1)", "α (data)",
        "β (training)", "γ (usage)" })]
    [InlineData(EconomyCharts.TokenPrice, new[] { "Token price and pool reserves (x·y = k)", "Price (stable per token)", "Reserves (tokens)",
        "Token price", "Token reserve", "Stable reserve" })]
    [InlineData(EconomyCharts.RewardsStacked, new[] { "Rewards per epoch by role (stacked)", "Epoch", "Data providers", "Trainers", "Service users",
        "Validators", "Miners" })]
    public void EconomyChartsHaveTitleAxesAndLegend(string chart, string[] expected)
    {
        using var dir = new TempDirectory();
        var files = RunCharts.Write(Rows(), dir.Path);
        Assert.Contains(Path.Combine(dir.Path, chart + ".png"), files);
        var texts = XDocument.Load(Path.Combine(dir.Path, chart + ".svg")).Descendants()
            .Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();
        foreach (var text in expected) Assert.Contains(text, texts);
    }

    [Fact]
    public void RunsWithoutTheEconomyGetNoEconomyCharts()
    {
        var names = RunCharts.NamesFor(SampleRows.Create(10));
        Assert.DoesNotContain(EconomyCharts.Weights, names);
        Assert.DoesNotContain(EconomyCharts.TokenPrice, names);
        Assert.DoesNotContain(EconomyCharts.RewardsStacked, names);
    }

    [Fact]
    public void EconomyRecordsRoundTripThroughTheirBinaryForm()
    {
        var original = Rows()[12].Economy with { Sales = [new CreatorSales(7, 1, 3, 10_000_000_000_000_001)] };
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) original.WriteRecords(w);
        stream.Position = 0;
        var (proposals, sales) = EconomyMetrics.ReadRecords(new BinaryReader(stream));
        Assert.Equal(original.Proposals, proposals);
        Assert.Equal(original.Sales, sales);
        Assert.Equal(stream.Length, stream.Position);
    }
}
