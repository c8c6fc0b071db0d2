using Microsoft.Playwright;
using TokenEconSim.Dashboard.Tests.Support;
using TokenEconSim.Silo.Cli;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>Chromium and a folder for runs, shared by the report's tests.</summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string Folder => _dir.Path;
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        var chromium = Tools.Find("chromium");
        if (chromium is null) return; // the test skips, naming the missing tool
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright, chromium);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _dir.Dispose();
    }
}

/// <summary>
/// A run's report.html opened from disk (file://) as a person double-clicking it would: every chart the run drew is there as a
/// rendered SVG, with the summary and every metric's description; nothing is fetched, and a scenario path made of markup stays text.
/// Screenshots are saved for a person to look at.
/// </summary>
public sealed class RunReportPageTests(ReportBrowser browser) : IClassFixture<ReportBrowser>
{
    [Fact]
    public async Task ABaselineReportHasEveryChartItsSummaryAndEveryMetricAndFetchesNothing()
    {
        Tools.Require("chromium");
        // The scenario's path is written into the resolved scenario the report shows: here it is a script.
        var hostile = Path.Combine(browser.Folder, "<script>window.pwned=1<", "script>.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(hostile)!);
        File.Copy(Path.Combine(Repo.Scenarios, "baseline.yaml"), hostile);
        var folder = await RunAsync(hostile, "baseline", "--epochs", "12");

        var (page, requests, dialogs) = await OpenAsync(folder, "baseline");

        await AssertChartsAsync(page, folder);
        Assert.Equal("baseline", await SummaryValueAsync(page, "name"));
        Assert.Equal("12", await SummaryValueAsync(page, "epochs"));
        await AssertMetricsDescribedAsync(page, folder);
        Assert.Contains("Resolved from " + hostile, await page.Locator("#scenario pre").TextContentAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "the scenario's path ran as a script");
        Assert.Empty(dialogs);
        await AssertNothingFetchedAsync(page, folder, requests);
    }

    [Fact]
    public async Task AnIncentivesReportHasItsLearningAndBehaviourChartsAndTheIncentivesTable()
    {
        Tools.Require("chromium");
        var folder = await RunAsync(Path.Combine(Repo.Scenarios, "incentives.yaml"), "incentives", "--epochs", "10");

        var (page, requests, _) = await OpenAsync(folder, "incentives");

        var charts = await AssertChartsAsync(page, folder);
        Assert.Contains("model_accuracy", charts);
        Assert.Contains("participation", charts);
        Assert.Contains("profit", charts);
        await Assertions.Expect(page.Locator("#summary h3")).ToHaveTextAsync("incentives");
        await AssertMetricsDescribedAsync(page, folder);
        await AssertNothingFetchedAsync(page, folder, requests);
    }

    private async Task<string> RunAsync(string scenario, string name, params string[] extra)
    {
        var output = Path.Combine(browser.Folder, name);
        var exit = await CommandLine.InvokeAsync(["run", scenario, "--out", output, "--engine", "direct", "--quiet", .. extra]);
        Assert.Equal(0, exit);
        return Assert.Single(Directory.GetDirectories(output));
    }

    /// <summary>The report in a new page, with the URLs it requested and the messages of any dialog it opened (a script's alert).</summary>
    private async Task<(IPage Page, List<string> Requests, List<string> Dialogs)> OpenAsync(string folder, string name)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        List<string> requests = [], dialogs = [];
        page.Request += (_, request) => requests.Add(request.Url);
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);
        await page.ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, $"report-{name}.png"), FullPage = true });
        return (page, requests, dialogs);
    }

    /// <summary>Every chart the run drew (charts/*.svg) is a figure of the report holding a rendered SVG of real size with text.</summary>
    private static async Task<List<string>> AssertChartsAsync(IPage page, string folder)
    {
        var drawn = Directory.GetFiles(Path.Combine(folder, "charts"), "*.svg").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.NotEmpty(drawn);
        var figures = await page.Locator("figure.chart").AllAsync();
        var keys = new List<string>();
        foreach (var figure in figures)
        {
            var key = (await figure.GetAttributeAsync("data-chart"))!;
            keys.Add(key);
            var svg = figure.Locator("svg");
            await Assertions.Expect(svg).ToHaveCountAsync(1);
            var box = await svg.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 150 }, $"chart {key} is not rendered at a readable size: {box?.Width}×{box?.Height}");
            Assert.True(await svg.Locator("text").CountAsync() > 5, $"chart {key} has no text");
        }
        Assert.Equal(drawn, keys.Order());
        return keys;
    }

    private static async Task<string?> SummaryValueAsync(IPage page, string key) =>
        (await page.Locator("table.summary tr").Filter(new() { Has = page.Locator($"th:text-is('{key}')") }).Locator("td")
            .TextContentAsync())?.Trim();

    /// <summary>Every column of metrics.csv has its row in the report, with a unit and a description.</summary>
    private static async Task AssertMetricsDescribedAsync(IPage page, string folder)
    {
        var header = File.ReadLines(Path.Combine(folder, "metrics.csv")).First().Split(',');
        var rows = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('tr[data-column]')].map(r => [r.dataset.column, r.cells[1].textContent, r.cells[2].textContent])");
        Assert.Equal(header, rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.True(r[1].Length > 0 && r[2].Length > 3, $"column {r[0]} has no unit or description"));
    }

    /// <summary>The only request is the report itself, and the page loaded no resource.</summary>
    private static async Task AssertNothingFetchedAsync(IPage page, string folder, List<string> requests)
    {
        var url = new Uri(Path.Combine(folder, "report.html")).AbsoluteUri;
        Assert.Equal([url], requests.Distinct());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').length"));
    }
}
