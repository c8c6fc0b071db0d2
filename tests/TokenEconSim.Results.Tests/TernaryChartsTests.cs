using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

/// <summary>A ternary heat map's colour bar says what its colours span, so a flat or nearly flat metric does not look like a landscape.</summary>
public class TernaryChartsTests
{
    [Fact]
    public void AConstantMetricSaysSoInsteadOfInventingARange()
    {
        Assert.Equal("final_accuracy: constant 0.966", TernaryCharts.ScaleLabel("final_accuracy", [0.966, 0.966, double.NaN]));
    }

    [Fact]
    public void ANarrowRangeIsWrittenWithTheDigitsThatTellItsEndsApart()
    {
        Assert.Equal("m: 0.9655 to 0.9656", TernaryCharts.ScaleLabel("m", [0.965512, 0.965580, 0.96553]));
        Assert.Equal("m: 0.96551 to 0.96552", TernaryCharts.ScaleLabel("m", [0.965512, 0.965518]));
        Assert.Equal("m: 0.2 to 0.8", TernaryCharts.ScaleLabel("m", [0.2, 0.5, 0.8]));
        Assert.Equal("m: undefined everywhere", TernaryCharts.ScaleLabel("m", [double.NaN]));
    }

    [Fact]
    public void AConstantHeatMapIsWrittenWithItsValueOnTheBar()
    {
        using var dir = new TempDirectory();
        var points = new List<SimplexValue>();
        for (var a = 0; a <= 2; a++)
            for (var b = 0; a + b <= 2; b++)
                points.Add(new SimplexValue(a / 2.0, b / 2.0, (2 - a - b) / 2.0, 0.966));
        var files = TernaryCharts.WriteHeatMap(points, 2, "flat", "final_accuracy", dir.Path, "ternary_flat");
        var svg = File.ReadAllText(Assert.Single(files, f => f.EndsWith(".svg", StringComparison.Ordinal)));
        Assert.Contains("constant 0.966", svg);
    }
}
