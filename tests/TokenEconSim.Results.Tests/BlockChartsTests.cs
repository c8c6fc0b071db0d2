using System.Xml.Linq;
using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

public class BlockChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly ChartOptions Target600 = new(TargetBlockTime: 600);

    [Fact]
    public void APoWRunGetsEveryBlockChartAsPNGAndSVG()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(40));
        Assert.Equal([.. RunCharts.Names, .. RunCharts.BlockNames], RunCharts.NamesFor(rows));
        var files = RunCharts.Write(rows, dir.Path, Target600);
        Assert.Equal(RunCharts.NamesFor(rows).SelectMany(n => new[] { n + ".png", n + ".svg" }), files.Select(Path.GetFileName));
        foreach (var name in RunCharts.BlockNames)
        {
            var png = File.ReadAllBytes(Path.Combine(dir.Path, name + ".png"));
            Assert.Equal(PngSignature, png[..8]);
            Assert.True(png.Length > 10_000, $"{name}.png is only {png.Length} bytes");
            Assert.True(new FileInfo(Path.Combine(dir.Path, name + ".svg")).Length > 0);
        }
    }

    [Theory]
    [InlineData("difficulty_hashrate", new[] { "Difficulty and hashrate", "Epoch", "Difficulty (thousand)", "Hashrate (PH/s)", "Difficulty",
        "True hashrate", "Estimated hashrate (from blocks)" })]
    [InlineData("block_time_histogram", new[] { "Time between blocks", "Seconds between consecutive blocks", "Blocks", "Block intervals (n = 431)",
        "Target block time (600 s)" })]
    [InlineData("producer_concentration", new[] { "Share of blocks by producer", "Share of the run's blocks (%)", "others",
        "Nakamoto coefficient, blocks of the run: 3", "Nakamoto coefficient, hashrate: 3 every epoch" })]
    public void Svg_contains_title_axis_titles_and_legend_text(string chart, string[] expected)
    {
        // Text in the SVG proves the shipped font was used (no font = no text, STACK-NOTES).
        using var dir = new TempDirectory();
        RunCharts.Write(SampleRows.WithBlocks(SampleRows.Create(40)), dir.Path, Target600);
        var svg = XDocument.Load(Path.Combine(dir.Path, chart + ".svg"));
        var texts = Texts(svg);
        foreach (var text in expected)
            Assert.Contains(text, texts);
        Assert.All(svg.Descendants().Where(e => e.Name.LocalName == "text"),
            e => Assert.Equal(ChartFonts.Family, (string?)e.Attribute("font-family")));
    }

    [Fact]
    public void ARunWithoutBlocksGetsNoBlockChart()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.Create(20);
        Assert.Equal(RunCharts.Names, RunCharts.NamesFor(rows));
        RunCharts.Write(rows, dir.Path, Target600);
        Assert.Equal(RunCharts.Names.SelectMany(n => new[] { n + ".png", n + ".svg" }).Order(),
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void APoSRunHasNoDifficultyChart()
    {
        using var dir = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(20), bits: 0);
        RunCharts.Write(rows, dir.Path, Target600);
        Assert.False(File.Exists(Path.Combine(dir.Path, "difficulty_hashrate.png")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "difficulty_hashrate.svg")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "block_time_histogram.svg")));
        Assert.Contains("Nakamoto coefficient, stake: 4 to 5 per epoch", Texts(XDocument.Load(Path.Combine(dir.Path, "producer_concentration.svg"))));
    }

    [Fact]
    public void ASingleBlockHasProducersButNoIntervals()
    {
        var rows = new[] { SampleRows.Row(0) with { BlockRecords = [new BlockRecord(0, 0, 600, 1, 0, "aa")] } };
        Assert.Equal([.. RunCharts.Names, "producer_concentration"], RunCharts.NamesFor(rows));
    }

    [Fact]
    public void WithoutATargetTheHistogramHasNoTargetLine()
    {
        using var dir = new TempDirectory();
        RunCharts.Write(SampleRows.WithBlocks(SampleRows.Create(5)), dir.Path);
        var texts = Texts(XDocument.Load(Path.Combine(dir.Path, "block_time_histogram.svg")));
        Assert.DoesNotContain(texts, t => t.StartsWith("Target", StringComparison.Ordinal));
    }

    [Fact]
    public void IntervalsRunAcrossEpochBoundariesAndSkipBlocklessEpochs()
    {
        IReadOnlyList<EpochMetrics> rows =
        [
            SampleRows.Row(0) with { BlockRecords = [Block(0, 100), Block(1, 250)] },
            SampleRows.Row(1),
            SampleRows.Row(2) with { BlockRecords = [Block(2, 1000)] },
        ];
        Assert.Equal([150.0, 750.0], BlockCharts.Intervals(rows));
    }

    [Fact]
    public void BinsCountEveryIntervalAndPutTheLargestInTheLastBin()
    {
        double[] values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var bins = BlockCharts.Bins(values, out var min, out var width);
        Assert.Equal(10, bins.Length);
        Assert.Equal(0, min);
        Assert.Equal(1, width);
        Assert.Equal(values.Length, bins.Sum());
        Assert.Equal(2, bins[^1]); // 9 and 10
    }

    [Fact]
    public void ProducersAreRankedByBlocksThenIdAndTheNakamotoCoefficientCountsPastHalf()
    {
        int[] producers = [5, 5, 5, 2, 2, 9, 9, 1];
        var rows = new[] { SampleRows.Row(0) with { BlockRecords = [.. producers.Select((p, i) => new BlockRecord(i, 0, i, p, 0, "aa"))] } };
        var shares = BlockCharts.ProducerShares(rows);
        Assert.Equal([5, 2, 9, 1], shares.Select(s => s.Producer));
        Assert.Equal(3 / 8.0, shares[0].Share);
        Assert.Equal(2, BlockCharts.BlockNakamoto(shares)); // 3/8 + 2/8 > 1/2
    }

    private static BlockRecord Block(long height, double time) => new(height, 0, time, 0, 0x1d00ffff, "aa");

    private static HashSet<string> Texts(XDocument svg) =>
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToHashSet();
}
