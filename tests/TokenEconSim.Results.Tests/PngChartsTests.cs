using TokenEconSim.Domain.Governance;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

public class PngChartsTests
{
    private static readonly ProposalRecord Vote = new(0, 1, ProposalKind.Scheduled, 0.3, 0.4, 0.3, 2, 1, 0, true, true, 3);

    [Fact]
    public void EveryDeclaredPngChartIsDrawnAndEveryDrawingIsDeclared()
    {
        Assert.Equal(ChartGroups.Png.All.Select(g => g.Key), PngCharts.All.Select(c => c.Group.Key));
        Assert.Empty(PngCharts.Undeclared);
    }

    [Fact]
    public void ARunWithEveryFeatureGetsEveryDeclaredChart()
    {
        var rows = SampleRows.WithBlocks(SampleRows.Create(12)).Select(r => r with
        {
            ModelAccuracy = 0.5 + r.Epoch / 100.0,
            Economy = new EconomyMetrics { ReserveToken = 5, ReserveStable = 5, Proposals = [Vote] },
            Behaviour = Responding(r.Epoch),
        }).ToList();
        Assert.Equal(ChartGroups.Png.All.Select(g => g.Key), RunCharts.NamesFor(rows));
    }

    [Fact]
    public void OnlyARunWithARespondingPopulationGetsTheParticipationAndProfitCharts()
    {
        using var dir = new TempDirectory();
        var plain = SampleRows.Create(12);
        Assert.DoesNotContain("participation", RunCharts.NamesFor(plain));
        Assert.DoesNotContain("profit", RunCharts.NamesFor(plain));
        var rows = plain.Select(r => r with { Behaviour = Responding(r.Epoch) }).ToList();
        var files = RunCharts.Write(rows, dir.Path).Select(Path.GetFileName).ToList();
        Assert.Contains("participation.png", files);
        Assert.Contains("profit.svg", files);
    }

    /// <summary>Providers responding: 10 taking part at mean quality 0.8, a mean profit that falls to break-even.</summary>
    private static BehaviourMetrics? Responding(int epoch)
    {
        var (drawn, settled) = (BehaviourReport.Empty(), BehaviourReport.Empty());
        drawn.ByRole[0].Active = 10;
        drawn.ByRole[0].Effort.Add(8);
        settled.ByRole[0].Settled = 10;
        settled.ByRole[0].Profit.Add(100.0 / (epoch + 1));
        return BehaviourMetrics.Of(drawn, settled, double.NaN, double.NaN);
    }
}
