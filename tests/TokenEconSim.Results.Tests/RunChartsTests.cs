using System.Xml.Linq;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

public class RunChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void PngFilesAreValidImagesOfTheExpectedSize()
    {
        using var dir = new TempDirectory();
        RunCharts.Write(SampleRows.Create(60), dir.Path);
        foreach (var name in RunCharts.Names)
        {
            var png = File.ReadAllBytes(Path.Combine(dir.Path, name + ".png"));
            Assert.Equal(PngSignature, png[..8]);
            Assert.True(png.Length > 10_000, $"{name}.png is only {png.Length} bytes");
            // IHDR width and height, big-endian, right after the signature and chunk header.
            Assert.Equal(RunCharts.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(RunCharts.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }

    [Theory]
    [InlineData("supply_inflation", new[] { "Token supply and inflation", "Epoch", "Supply (million tokens)", "Inflation per epoch (%)", "Supply",
        "Inflation per epoch" })]
    [InlineData("gini", new[] { "Inequality of balances (Gini)", "Epoch", "Gini coefficient (0 = equal, 1 = one holder)" })]
    [InlineData("rewards_per_role", new[] { "Rewards paid per epoch, by role", "Epoch", "Rewards per epoch (tokens)", "Data providers", "Trainers",
        "Service users", "Validators", "Miners" })]
    public void Svg_contains_title_axis_titles_and_legend_text(string chart, string[] expected)
    {
        // Text in the SVG proves a font was found: without one ScottPlot silently draws no text.
        using var dir = new TempDirectory();
        RunCharts.Write(SampleRows.Create(60), dir.Path);
        var svg = XDocument.Load(Path.Combine(dir.Path, chart + ".svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();
        foreach (var text in expected)
            Assert.Contains(text, texts);
        // Every label uses the shipped font, not whatever the machine happens to have.
        Assert.All(svg.Descendants().Where(e => e.Name.LocalName == "text"),
            e => Assert.Equal(ChartFonts.Family, (string?)e.Attribute("font-family")));
    }

    [Fact]
    public void SingleSeriesChartHasNoLegend()
    {
        using var dir = new TempDirectory();
        RunCharts.Write(SampleRows.Create(10), dir.Path);
        var svg = XDocument.Load(Path.Combine(dir.Path, "gini.svg"));
        Assert.DoesNotContain("Gini", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
    }

    [Fact]
    public void NoRowsWriteNothing()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "charts");
        Assert.Empty(RunCharts.Write([], target));
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void ChartsRenderFromParallelThreads()
    {
        // Font registration is once per process and must hold when several runs finish together.
        using var dir = new TempDirectory();
        Parallel.For(0, 4, i => RunCharts.Write(SampleRows.Create(5 + i), Path.Combine(dir.Path, $"run{i}")));
        Assert.Equal(4 * RunCharts.Names.Count * 2, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Length);
    }
}
