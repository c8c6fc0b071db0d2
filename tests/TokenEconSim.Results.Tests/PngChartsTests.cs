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
        }).ToList();
        Assert.Equal(ChartGroups.Png.All.Select(g => g.Key), RunCharts.NamesFor(rows));
    }
}
