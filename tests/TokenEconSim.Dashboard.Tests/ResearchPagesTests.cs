using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// The pages a researcher compares with, in Chromium: a sweep's summary and its sortable, filterable points table; the compare
/// page's run picker (labelled, filterable); a run's metrics.csv downloaded from its page; axis ticks that read apart; a chart of
/// an empty metric that says so. Waits are on the page's state, never on time.
/// </summary>
public sealed class ResearchPagesTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Sweep = "weights-20261205-080000";

    [Fact]
    public async Task TheSweepsPageLeadsWithASummaryThenASortableFilterableTable()
    {
        Tools.Require("chromium");
        SweepFixture.Write(server.SweepsFolder, Sweep, SweepFixture.TinyPng);
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, $"/sweeps?id={Sweep}").ToString());

        await Assertions.Expect(page.Locator("#sweep-summary dd[data-key='design']")).ToHaveTextAsync("grid over the α-β-γ simplex, step 0.2");
        await Assertions.Expect(page.Locator("#sweep-summary dd[data-key='parameters']")).ToHaveTextAsync("alpha, beta, gamma");
        await Assertions.Expect(page.Locator("#sweep-summary dd[data-key='seeds per point']")).ToHaveTextAsync("3 (1–3)");
        await Assertions.Expect(page.Locator("#sweep-summary dd[data-key='runs']")).ToHaveTextAsync("9 of 9 complete");
        await Assertions.Expect(page.Locator("#sweep-summary dd[data-key='objective']")).ToHaveTextAsync("maximize -final_gini");
        Assert.True(await page.EvaluateAsync<bool>("() => !!(document.getElementById('sweep-summary').compareDocumentPosition("
            + "document.getElementById('points')) & Node.DOCUMENT_POSITION_FOLLOWING)"), "the summary comes before the table");
        Assert.Equal($"/api/sweeps/{Sweep}/sweep.json", await page.GetAttributeAsync("#raw-json", "href"));

        // The default columns: the point, the swept parameters, the seeds, then the objective and the key metrics.
        Assert.Equal(["point", "alpha", "beta", "gamma", "seeds", "objective", "final_gini", "final_supply"],
            await page.Locator("#points thead th").AllTextContentsAsync());
        await Assertions.Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#points tbody tr").First.Locator("td[data-col='final_gini'] .ci")).ToHaveTextAsync("[0.455, 0.505]");

        var gini = Column("final_gini_mean");
        await page.ClickAsync("#points th[data-key='final_gini']");
        Assert.Equal(gini.Order(), await ValuesAsync(page, "#points", "final_gini"));
        await page.ClickAsync("#points th[data-key='final_gini']");
        Assert.Equal(gini.OrderDescending(), await ValuesAsync(page, "#points", "final_gini"));
        await Assertions.Expect(page.Locator("#points th[data-key='final_gini']")).ToHaveAttributeAsync("aria-sort", "descending");

        await page.FillAsync("#points-filter", "0.6");
        await Assertions.Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(1);
        Assert.Equal([0.6], await ValuesAsync(page, "#points", "alpha"));
        await Assertions.Expect(page.Locator("#points-count")).ToHaveTextAsync("1 of 3 points");
        await page.FillAsync("#points-filter", "beta=0.3"); // a column's value: rewards.beta or beta
        await Assertions.Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(1);
        Assert.Equal([0.3], await ValuesAsync(page, "#points", "beta"));
        await page.FillAsync("#points-filter", "");

        await page.CheckAsync("#all-columns");
        Assert.Equal(SweepFixture.PointsCsv.Split('\n')[0].Split(','), await page.Locator("#points thead th").AllTextContentsAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "sweeps-points-all-columns.png"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheComparePickerLabelsEachRunAndFiltersThem()
    {
        Tools.Require("chromium");
        var first = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 21, epochs = 3 });
        var second = await server.StartRunAsync(new
        {
            scenario = "baseline.yaml", seed = 22, epochs = 3,
            overrides = new { alpha = 0.6, beta = 0.2, gamma = 0.2 }
        });
        var folders = new[] { server.FolderOf(await server.WaitForEndAsync(first)), server.FolderOf(await server.WaitForEndAsync(second)) };
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, "/compare").ToString());

        foreach (var (id, seed, folder) in new[] { (first, 21, folders[0]), (second, 22, folders[1]) })
        {
            var row = page.Locator($"#run-pick tbody tr:has(input[data-id='{id}'])");
            await Assertions.Expect(row.Locator("td[data-col='scenario']")).ToHaveTextAsync("baseline.yaml");
            await Assertions.Expect(row.Locator("td[data-col='seed']")).ToHaveTextAsync(seed.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(row.Locator("td[data-col='id']")).ToHaveTextAsync(id);
            await Assertions.Expect(row.Locator("td[data-col='started']")).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
            await Assertions.Expect(row.Locator("input")).ToHaveAttributeAsync("aria-label", $"compare {id}");
            var text = await File.ReadAllTextAsync(Path.Combine(folder, "summary.json"), TestContext.Current.CancellationToken);
            using var summary = JsonDocument.Parse(text);
            Assert.Equal(summary.RootElement.GetProperty("final_supply").GetDouble(),
                double.Parse((await row.Locator("td[data-col='final_supply']").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
        }

        await page.ClickAsync("#run-pick th[data-key='seed']");
        var seeds = await ValuesAsync(page, "#run-pick", "seed");
        Assert.Equal(seeds.Order(), seeds);

        // Filtering keeps what was ticked: tick one, filter to the other, tick it, compare.
        await page.FillAsync("#run-filter", first);
        await Assertions.Expect(page.Locator("#run-pick tbody tr")).ToHaveCountAsync(1);
        await page.CheckAsync($"input[data-id='{first}']");
        await page.FillAsync("#run-filter", "seed-that-no-run-has " + second);
        await Assertions.Expect(page.Locator("#run-pick tbody tr")).ToHaveCountAsync(0);
        await page.FillAsync("#run-filter", second);
        await page.CheckAsync($"input[data-id='{second}']");
        await page.FillAsync("#run-filter", "");
        await page.ClickAsync("#draw");
        await Assertions.Expect(page.Locator(".chart")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "compare-picker.png"), FullPage = true });

        // A metric every chosen run leaves empty (no LSTM forecast under bitcoin difficulty) is not drawn as an empty frame.
        await page.GotoAsync(new Uri(server.BaseUrl, $"/compare?runs={first},{second}&metrics=supply,hashrate_predicted").ToString());
        await Assertions.Expect(page.Locator(".chart")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".chart[data-title='hashrate predicted']")).ToHaveClassAsync(new Regex(@"\bempty\b"));
        await Assertions.Expect(page.Locator(".chart[data-title='hashrate predicted'] .no-data")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart[data-title='hashrate predicted'] .uplot")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".chart[data-title='supply'] .uplot")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart[data-title='supply'] .no-data")).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task ARunsPageDownloadsItsMetricsCsv()
    {
        Tools.Require("chromium");
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 23, epochs = 3 });
        var folder = server.FolderOf(await server.WaitForEndAsync(id));
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, $"/runs/{id}").ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#csv")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv"));
        Assert.Equal($"{id}-metrics.csv", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "metrics.csv"), TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(new[] { 894_100_000d, 894_200_000d, 894_300_000d }, new[] { "894.1M", "894.2M", "894.3M" })]
    [InlineData(new[] { 894_000_000d, 894_000_500d, 894_001_000d }, new[] { "894.0000M", "894.0005M", "894.0010M" })]
    [InlineData(new[] { 0d, 0.25, 0.5 }, new[] { "0.00", "0.25", "0.50" })]
    [InlineData(new[] { 1200d, 1400d, 1600d }, new[] { "1.2k", "1.4k", "1.6k" })]
    [InlineData(new[] { 0d, 2000d, 4000d }, new[] { "0", "2k", "4k" })]
    [InlineData(new[] { 0d, 2d, 4d }, new[] { "0", "2", "4" })]
    [InlineData(new[] { 0.00001, 0.00002 }, new[] { "1.0e-5", "2.0e-5" })]
    public async Task AxisTicksAreWrittenApart(double[] ticks, string[] expected)
    {
        Tools.Require("chromium");
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, "/compare").ToString());
        Assert.Equal(expected, await page.EvaluateAsync<string[]>("ticks => fmtTicks(ticks)", ticks));
        await page.CloseAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(180_000);
        return page;
    }

    /// <summary>A column's numbers top to bottom, as the table holds them (data-value).</summary>
    private static async Task<List<double>> ValuesAsync(IPage page, string table, string column) =>
        [.. (await page.Locator($"{table} tbody td[data-col='{column}']").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)"))
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    /// <summary>A column of the fixture's points.csv, in file order.</summary>
    private static List<double> Column(string name)
    {
        var lines = SweepFixture.PointsCsv.Split('\n');
        var at = Array.IndexOf(lines[0].Split(','), name);
        return [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[at], CultureInfo.InvariantCulture))];
    }
}
