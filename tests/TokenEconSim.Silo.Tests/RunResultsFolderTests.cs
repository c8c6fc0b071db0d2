using System.Text.Json;
using System.Xml.Linq;
using TokenEconSim.Results.Charts;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>`silo run` writes runs/&lt;name&gt;-&lt;timestamp&gt;/ (docs/model.md §15), atomically.</summary>
public sealed class RunResultsFolderTests : IDisposable
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BaselineFor5EpochsWritesExactlyOneCompleteResultsFolder()
    {
        var before = DateTime.UtcNow;
        var result = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--epochs", "5", "--out", _dir.Path, "--quiet");
        var after = DateTime.UtcNow;

        CliAssert.Exit(0, result);
        Assert.Equal("", result.Err);
        var run = RunOutput.Single(_dir.Path, "baseline"); // also: no hidden temporary folder beside it
        Assert.Equal(run.Folder, result.ResultsFolder);
        Assert.InRange(run.Timestamp, before.AddTicks(-(before.Ticks % TimeSpan.TicksPerSecond)), after);

        // metrics.csv: header + one row per epoch, epochs numbered from 0.
        var rows = run.MetricRows;
        Assert.Equal(5, rows.Count);
        Assert.Equal(["0", "1", "2", "3", "4"], rows.Select(r => r.Split(',')[1]));
        Assert.Single(rows.Select(r => r.Split(',')[0]).Distinct()); // the run's id, on every row

        // scenario.yaml: the resolved scenario, seed and epoch override included.
        var scenario = File.ReadAllText(run.ScenarioPath);
        Assert.Matches(@"(?m)^  seed: 42\s*$", scenario);
        Assert.Matches(@"(?m)^  epochs: 5\s*$", scenario);

        // summary.json: valid JSON describing this run.
        using (var summary = JsonDocument.Parse(run.SummaryBytes))
        {
            Assert.Equal("baseline", summary.RootElement.GetProperty("name").GetString());
            Assert.Equal(42, summary.RootElement.GetProperty("seed").GetInt64());
            Assert.Equal(5, summary.RootElement.GetProperty("epochs").GetInt32());
        }

        // charts: every chart as a real PNG and an SVG with text in it (no fonts = no text, STACK-NOTES).
        var charts = Path.Combine(run.Folder, "charts");
        Assert.NotEmpty(RunCharts.Names);
        foreach (var name in RunCharts.Names)
        {
            var png = File.ReadAllBytes(Path.Combine(charts, name + ".png"));
            Assert.True(png.AsSpan().StartsWith(PngMagic), $"{name}.png is not a PNG");
            var svg = XDocument.Load(Path.Combine(charts, name + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Trim().Length > 0);
        }
        Assert.Equal((RunCharts.Names.Count + RunCharts.BlockNames.Count) * 2, Directory.GetFiles(charts).Length);

        // report.html: the same charts inline (its browser test: Dashboard.Tests' RunReportPageTests).
        var report = File.ReadAllText(Path.Combine(run.Folder, "report.html"));
        Assert.All(RunCharts.Names.Concat(RunCharts.BlockNames), name => Assert.Contains($"data-chart=\"{name}\"", report));
    }

    [Fact]
    public async Task WithoutQuietOffATerminalProgressIsPlainLinesAndTheRunStillCompletes()
    {
        var result = await SiloCli.InvokeAsync(["run", Repo.Scenario("baseline.yaml"), "--epochs", "3", "--engine", "direct",
            "--out", _dir.Path, "--set", "outputs.charts=false", .. Populations.Small]);

        CliAssert.Exit(0, result);
        Assert.Contains("baseline: epoch 3/3", result.Out);
        Assert.DoesNotContain("\u001b[", result.Out); // no ANSI cursor control into a pipe
        Assert.Equal(3, RunOutput.Single(_dir.Path, "baseline").MetricRows.Count);
    }

    [Fact]
    public async Task TwoRunsGetTwoFoldersEvenWithinOneSecond()
    {
        string[] args = ["run", Repo.Scenario("baseline.yaml"), "--epochs", "1", "--engine", "direct", "--quiet",
            "--out", _dir.Path, "--set", "outputs.charts=false", .. Populations.Small];

        var first = await SiloCli.InvokeAsync(args);
        var second = await SiloCli.InvokeAsync(args);

        CliAssert.Exit(0, first);
        CliAssert.Exit(0, second);
        Assert.NotEqual(first.ResultsFolder, second.ResultsFolder);
        var folders = Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, folders.Count);
        Assert.All(folders, f => Assert.Matches(@"^baseline-\d{8}-\d{6}(-2)?$", f));
    }

    [Fact]
    public async Task OutUnderARegularFileExits2AndCreatesNothing()
    {
        var file = _dir.Write("not-a-folder", "x");

        var result = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--epochs", "2", "--engine", "direct",
            "--out", Path.Combine(file, "runs"), "--quiet");

        CliAssert.Exit(2, result);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("--out ", line);
        CliAssert.NoStackTrace(result);
        Assert.Equal([file], Directory.GetFileSystemEntries(_dir.Path));
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task OutThatIsARegularFileExits2AndCreatesNothing()
    {
        var file = _dir.Write("not-a-folder", "x");

        var result = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--epochs", "2", "--engine", "direct",
            "--out", file, "--quiet");

        CliAssert.Exit(2, result);
        Assert.StartsWith("--out ", Assert.Single(result.ErrLines));
        CliAssert.NoStackTrace(result);
        Assert.Equal([file], Directory.GetFileSystemEntries(_dir.Path));
    }

    /// <summary>
    /// A failure after the epochs ran (charts cannot be written: a file stands where the charts folder
    /// goes, planted while the run is under way) is exit 1, and the hidden temporary folder is removed.
    /// </summary>
    [Fact]
    public async Task ARunThatFailsWhileWritingLeavesNoFolderAtAll()
    {
        var output = _dir.Sub("runs");
        // 10 000 agents for 80 epochs: ~1 s of epochs, far longer than planting the file takes.
        // On the thread pool: the direct engine may complete synchronously, and we must watch it meanwhile.
        var run = Task.Run(() => SiloCli.InvokeAsync("run", Repo.Scenario("bench.yaml"), "--epochs", "80", "--engine", "direct", "--out",
            output, "--quiet"));

        var temporary = await WaitForTemporaryFolderWithMetrics(output, run);
        File.WriteAllText(Path.Combine(temporary, "charts"), "in the way");
        var result = await run;

        CliAssert.Exit(1, result);
        Assert.StartsWith("error: ", result.ErrLines[0]);
        CliAssert.NoStackTrace(result);
        Assert.DoesNotContain("results:", result.Out);
        CliAssert.NothingWritten(output);
    }

    private static async Task<string> WaitForTemporaryFolderWithMetrics(string output, Task<CliResult> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (run.IsCompleted) Assert.Fail($"the run ended before its temporary folder was seen:\n{await run}");
            if (Directory.Exists(output))
            {
                var temporary = Directory.GetDirectories(output, ".bench-*").FirstOrDefault();
                if (temporary != null && File.Exists(Path.Combine(temporary, "metrics.csv"))) return temporary;
            }
            await Task.Delay(5);
        }
        throw new TimeoutException("no temporary results folder appeared");
    }
}
