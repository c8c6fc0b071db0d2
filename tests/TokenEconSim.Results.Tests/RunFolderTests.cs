using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Charts;

namespace TokenEconSim.Results.Tests;

public class RunFolderTests
{
    private static readonly DateTime Now = new(2025, 3, 14, 15, 9, 26, DateTimeKind.Utc);
    private static readonly RunInfo Info = new("baseline", 7, "run:\n  name: baseline\n  seed: 7\n", "direct", 100, "0.1.0");

    [Fact]
    public void TemporaryFolderIsHiddenBesideTheFinalOne()
    {
        using var parent = new TempDirectory();
        using var run = RunFolder.Create(parent.Path, "baseline", Now);
        Assert.Equal(Path.Combine(parent.Path, "baseline-20250314-150926"), run.FinalPath);
        Assert.StartsWith(".baseline-20250314-150926.tmp-", Path.GetFileName(run.TemporaryPath));
        Assert.Equal(parent.Path, Path.GetDirectoryName(run.TemporaryPath));
        Assert.True(Directory.Exists(run.TemporaryPath));
        Assert.False(Directory.Exists(run.FinalPath));
    }

    [Fact]
    public void DisposeWithoutCompleteLeavesNoFolder()
    {
        using var parent = new TempDirectory();
        using (var run = RunFolder.Create(parent.Path, "baseline", Now))
        {
            using var metrics = run.OpenMetrics(MetricLayout.Every, MetricsCsvWriterTests.RunId);
            metrics.Write(SampleRows.Row(0));
            run.WriteResolvedScenario(Info.ResolvedScenarioYaml);
            run.WriteCharts(SampleRows.Create(3));
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent.Path));
    }

    [Fact]
    public void CompletePublishesEveryFileInTheFinalFolder()
    {
        using var parent = new TempDirectory();
        var rows = SampleRows.Create(25);
        string final;
        using (var run = RunFolder.Create(parent.Path, "baseline", Now))
        {
            using (var metrics = run.OpenMetrics(MetricLayout.Every, MetricsCsvWriterTests.RunId))
                foreach (var row in rows) metrics.Write(row);
            run.WriteResolvedScenario(Info.ResolvedScenarioYaml);
            run.WriteSummary(RunSummary.From(Info, rows));
            run.WriteCharts(rows);
            final = run.Complete();
            Assert.Equal(run.FinalPath, final);
        }
        Assert.Equal([Path.GetFileName(final)], Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName));
        Assert.Equal(MetricsCsvWriterTests.Csv(rows), File.ReadAllBytes(Path.Combine(final, "metrics.csv")));
        Assert.Equal(Info.ResolvedScenarioYaml, File.ReadAllText(Path.Combine(final, "scenario.yaml")));
        Assert.Equal(RunSummary.From(Info, rows).ToJson(), File.ReadAllText(Path.Combine(final, "summary.json")));
        var charts = Directory.GetFiles(Path.Combine(final, "charts")).Select(Path.GetFileName).Order();
        Assert.Equal(
            RunCharts.Names.SelectMany(n => new[] { n + ".png", n + ".svg" }).Order(),
            charts);
    }

    // Every file a run publishes is named in RunFiles, the list the writers, `silo resume`, sweeps
    // and the dashboard share; the names themselves are a contract with scripts and the docs.
    [Fact]
    public void AFinishedRunHoldsExactlyTheFilesRunFilesNames()
    {
        using var parent = new TempDirectory();
        var rows = SampleRows.Create(3);
        string final;
        using (var run = RunFolder.Create(parent.Path, "baseline", Now))
        {
            using (var metrics = run.OpenMetrics(MetricLayout.Every, MetricsCsvWriterTests.RunId))
                foreach (var row in rows) metrics.Write(row);
            run.OpenBlocks(BlocksCsvWriterTests.RunId);
            run.OpenGovernance();
            run.OpenMarketplace();
            run.WriteResolvedScenario(Info.ResolvedScenarioYaml);
            var summary = RunSummary.From(Info, rows);
            run.WriteSummary(summary);
            run.WriteReport(summary, Info.ResolvedScenarioYaml, MetricLayout.Every, run.WriteCharts(rows));
            final = run.Complete();
        }
        string[] published = [RunFiles.Blocks, RunFiles.Charts, RunFiles.Governance, RunFiles.Marketplace, RunFiles.Metrics,
            RunFiles.Report, RunFiles.Scenario, RunFiles.Summary];
        Assert.Equal(published.Order(StringComparer.Ordinal),
            Directory.EnumerateFileSystemEntries(final).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["blocks.csv", "charts", "governance.csv", "marketplace.csv", "metrics.csv", "report.html", "scenario.yaml",
            "summary.json"], published);
    }

    [Fact]
    public void MetricsLeftOpenAreFlushedByComplete()
    {
        using var parent = new TempDirectory();
        using var run = RunFolder.Create(parent.Path, "baseline", Now);
        var metrics = run.OpenMetrics(MetricLayout.Every, MetricsCsvWriterTests.RunId);
        metrics.Write(SampleRows.Row(0));
        var final = run.Complete();
        Assert.Equal(MetricsCsvWriterTests.Csv([SampleRows.Row(0)]), File.ReadAllBytes(Path.Combine(final, "metrics.csv")));
    }

    [Fact]
    public void BlocksCsvSitsBesideMetricsCsvAndIsClosedByComplete()
    {
        using var parent = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(8));
        using var run = RunFolder.Create(parent.Path, "baseline", Now);
        var metrics = run.OpenMetrics(MetricLayout.Every, MetricsCsvWriterTests.RunId);
        var blocks = run.OpenBlocks(BlocksCsvWriterTests.RunId); // left open: Complete flushes and closes both
        foreach (var row in rows)
        {
            metrics.Write(row);
            blocks.Write(row);
        }
        Assert.Throws<InvalidOperationException>(() => run.OpenBlocks(BlocksCsvWriterTests.RunId));
        var final = run.Complete();
        Assert.Equal(BlocksCsvWriterTests.Csv(rows), File.ReadAllBytes(Path.Combine(final, "blocks.csv")));
        Assert.Equal(MetricsCsvWriterTests.Csv(rows), File.ReadAllBytes(Path.Combine(final, "metrics.csv")));
        Assert.Throws<ObjectDisposedException>(() => blocks.Write(rows[0]));
    }

    [Fact]
    public void DisposeWithoutCompleteClosesBlocksCsvAndLeavesNoFolder()
    {
        using var parent = new TempDirectory();
        using (var run = RunFolder.Create(parent.Path, "baseline", Now))
        {
            var blocks = run.OpenBlocks(BlocksCsvWriterTests.RunId);
            blocks.Write(SampleRows.WithBlocks(SampleRows.Create(2))[0]);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent.Path));
    }

    [Fact]
    public void ChartsWithOptionsIncludeTheBlockChartsTheRowsSupport()
    {
        using var parent = new TempDirectory();
        var rows = SampleRows.WithBlocks(SampleRows.Create(6));
        using var run = RunFolder.Create(parent.Path, "pow", Now);
        run.WriteCharts(rows, new ChartOptions(TargetBlockTime: 600));
        var final = run.Complete();
        Assert.Equal(
            RunCharts.NamesFor(rows).SelectMany(n => new[] { n + ".png", n + ".svg" }).Order(),
            Directory.GetFiles(Path.Combine(final, "charts")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ATakenNameGetsANumericSuffix()
    {
        using var parent = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(parent.Path, "baseline-20250314-150926"));
        using var second = RunFolder.Create(parent.Path, "baseline", Now);
        Assert.EndsWith("baseline-20250314-150926-2", second.FinalPath);
        // Taken after Create, before Complete: Complete moves on to the next free name.
        Directory.CreateDirectory(second.FinalPath);
        Assert.EndsWith("baseline-20250314-150926-3", second.Complete());
    }

    [Fact]
    public void NoRowsWriteNoCharts()
    {
        using var parent = new TempDirectory();
        using var run = RunFolder.Create(parent.Path, "empty", Now);
        run.WriteCharts([]);
        run.WriteSummary(RunSummary.From(Info, []));
        var final = run.Complete();
        Assert.False(Directory.Exists(Path.Combine(final, "charts")));
        Assert.True(File.Exists(Path.Combine(final, "summary.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public void NamesThatCannotNameAFolderAreRefused(string name)
    {
        using var parent = new TempDirectory();
        Assert.ThrowsAny<ArgumentException>(() => RunFolder.Create(parent.Path, name, Now));
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent.Path));
    }

    [Fact]
    public void ACompletedFolderRefusesMoreWrites()
    {
        using var parent = new TempDirectory();
        using var run = RunFolder.Create(parent.Path, "baseline", Now);
        run.Complete();
        Assert.Throws<InvalidOperationException>(() => run.WriteResolvedScenario("x"));
        Assert.Throws<InvalidOperationException>(() => run.Complete());
    }
}
