using System.Xml.Linq;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

public class LearningChartsTests
{
    private static IReadOnlyList<EpochMetrics> Learning(IReadOnlyList<EpochMetrics> rows, double ceiling) =>
        [.. rows.Select(r => r with
        {
            ModelAccuracy = 0.5 + (ceiling - 0.5) * (1 - Math.Exp(-r.Epoch / 3.0)),
            ModelLoss = 0.7 * Math.Exp(-r.Epoch / 5.0),
            UpdateAccepted = r.Epoch % 7 != 3,
            TrainerUpdates = 30,
        })];

    [Fact]
    public void ALearningRunGetsAnAccuracyChartWithItsLabelsAndOtherRunsDoNot()
    {
        using var dir = new TempDirectory();
        var plain = SampleRows.Create(20);
        Assert.DoesNotContain(LearningCharts.ModelAccuracy, RunCharts.NamesFor(plain));

        var rows = Learning(plain, 0.95);
        Assert.Contains(LearningCharts.ModelAccuracy, RunCharts.NamesFor(rows));
        var files = RunCharts.Write(rows, dir.Path);
        Assert.Contains(Path.Combine(dir.Path, "model_accuracy.png"), files);
        var svg = XDocument.Load(Path.Combine(dir.Path, "model_accuracy.svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();
        foreach (var text in new[] { "Global model: validation accuracy and loss", "Epoch", "Validation accuracy (%)",
                     "Validation log-loss (nats per sample)", "Validation accuracy", "Update rejected" })
            Assert.Contains(text, texts);
    }

    [Fact]
    public void ComparisonChartOfTwoRunsIsAPng()
    {
        using var dir = new TempDirectory();
        var runs = new Dictionary<string, IReadOnlyList<EpochMetrics>>
        {
            ["ai-baseline"] = Learning(SampleRows.Create(30), 0.96),
            ["low-quality-data"] = Learning(SampleRows.Create(30), 0.86),
        };
        var file = LearningCharts.Compare("Validation accuracy: good vs careless data", runs, dir.Path, "accuracy_comparison");
        var png = File.ReadAllBytes(file);
        Assert.Equal((byte)0x89, png[0]);
        Assert.True(png.Length > 10_000, $"only {png.Length} bytes");
    }
}
