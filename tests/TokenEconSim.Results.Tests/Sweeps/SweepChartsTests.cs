using System.Xml.Linq;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests.Sweeps;

public class SweepChartsTests
{
    private static HashSet<string> Texts(string svg) =>
        XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();

    [Fact]
    public void TheTernaryHeatMapHasItsTitleCornersAndColourBarLabel()
    {
        using var dir = new TempDirectory();
        var points = new List<SimplexValue>();
        for (var i = 0; i <= 4; i++)
            for (var j = 0; i + j <= 4; j++)
                points.Add(new SimplexValue(i / 4.0, j / 4.0, 1 - (i + j) / 4.0, i - j));

        var files = TernaryCharts.WriteHeatMap(points, 4, "final_gini over the reward weights", "final_gini", dir.Path, "ternary_final_gini");

        Assert.Equal(["ternary_final_gini.png", "ternary_final_gini.svg"], files.Select(Path.GetFileName));
        Assert.True(new FileInfo(files[0]).Length > 10_000);
        var texts = Texts(files[1]);
        string[] expected = ["final_gini over the reward weights", "final_gini: -4 to 4", "α = 1 (data)", "β = 1 (training)", "γ = 1 (usage)", "0.4"];
        foreach (var text in expected)
            Assert.Contains(text, texts);
    }

    [Fact]
    public void ALineChartHasItsBandAndLabels()
    {
        using var dir = new TempDirectory();
        var files = SweepLineCharts.Write([new(1, 2, 1.5, 2.5), new(2, 3, 2.5, 3.5), new(3, 2, 1, 3)], "token.fee_burn_fraction", "final_gini", 5,
            dir.Path, "line");

        var texts = Texts(files[1]);
        Assert.Contains("final_gini against token.fee_burn_fraction (mean of 5 seeds, 95 % CI)", texts);
        Assert.Contains("95 % confidence interval", texts);
        Assert.Contains("token.fee_burn_fraction", texts);
    }

    [Fact]
    public void ATunePathMarksStartAndBest()
    {
        using var dir = new TempDirectory();
        var files = TernaryCharts.WritePath([new(0.4, 0.3, 0.3, 2), new(0.5, 0.2, 0.3, 1), new(0.3, 0.3, 0.4, 3)], 1, "Nelder–Mead path",
            "objective", dir.Path, "tune_path");

        var texts = Texts(files[1]);
        Assert.Contains("start", texts);
        Assert.Contains("best", texts);
        Assert.Contains("Nelder–Mead path", texts);
    }
}
