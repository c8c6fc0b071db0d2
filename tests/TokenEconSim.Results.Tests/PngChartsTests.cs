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
            Yuma = YumaScored(r.Epoch),
            YumaAdversaries = Adversaries(r.Epoch),
            Network = new NetworkMetrics { StaleRate = 0.01 * (r.Epoch % 3), Reach90 = 2 + r.Epoch / 10.0 },
        }).ToList();
        Assert.Equal(ChartGroups.Png.All.Select(g => g.Key), RunCharts.NamesFor(rows));
    }

    [Fact]
    public void OnlyANetworkRunGetsTheNetworkChart()
    {
        using var dir = new TempDirectory();
        var plain = SampleRows.Create(12);
        Assert.DoesNotContain("network", RunCharts.NamesFor(plain));
        var network = plain.Select(r => r with { Network = new NetworkMetrics { StaleRate = 0.004, Reach90 = 2.1 } }).ToList();
        var files = RunCharts.Write(network, dir.Path).Select(Path.GetFileName).ToList();
        Assert.Contains("network.png", files);
        Assert.Contains("network.svg", files);
    }

    [Fact]
    public void OnlyAYumaRunGetsTheYumaChartsAndOnlyWithAdversariesTheirs()
    {
        using var dir = new TempDirectory();
        var plain = SampleRows.Create(12);
        Assert.DoesNotContain("yuma", RunCharts.NamesFor(plain));
        var yuma = plain.Select(r => r with { Yuma = YumaScored(r.Epoch) }).ToList();
        Assert.Contains("yuma", RunCharts.NamesFor(yuma));
        Assert.DoesNotContain("yuma_adversaries", RunCharts.NamesFor(yuma));
        var files = RunCharts.Write([.. yuma.Select(r => r with { YumaAdversaries = Adversaries(r.Epoch) })], dir.Path)
            .Select(Path.GetFileName).ToList();
        Assert.Contains("yuma.png", files);
        Assert.Contains("yuma_adversaries.svg", files);
    }

    /// <summary>A Yuma epoch whose incentive concentrates as the epochs go, with validators' trust near 0.9.</summary>
    private static YumaMetrics YumaScored(int epoch) => new([(0.1 + epoch / 100.0, 0.9, 0.1, 0.4), (0.3, 0.92, 0.12, 0.4)]);

    /// <summary>Colluders whose partner gets a little more than honest consensus gives it.</summary>
    private static YumaAdversaryMetrics Adversaries(int epoch)
    {
        var builder = new YumaAdversaryMetrics.Builder();
        double[] stakes = [1, 1, 2];
        var result = new TokenEconSim.Domain.Rewards.Yuma.YumaResult([0.5, 0.5], [1, 1, 1], [1, 1], [1, 1], [0.55, 0.45],
            [0.2, 0.3, 0.5 + epoch / 1000.0], [[0, 0], [0, 0], [0, 0]], [0.275, 0.225], [0.1, 0.15, 0.25]);
        builder.Add(1, TokenEconSim.Domain.Agents.Role.Trainer, result, [0.5, 0.5], stakes, k => k == 0 ? YumaConduct.Colluder : YumaConduct.Honest);
        return builder.Build();
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
