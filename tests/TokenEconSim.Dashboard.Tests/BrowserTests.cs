using Microsoft.Playwright;
using TokenEconSim.Results.Charts;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser: start a baseline run from the start page, watch its charts
/// receive points while it runs, compare it with another run, open the sweeps page; screenshots of
/// each page are saved for a person to look at (the README's is one of them).
/// </summary>
public sealed class BrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly string[] RunChartTitles =
        ["Supply and inflation", "Rewards per role", "Gini of balances", "Difficulty vs hashrate", "Block time", "Reward weights α, β, γ"];

    [Fact]
    public async Task ARunStartedFromTheStartPageIsChartedLiveThenCompared()
    {
        Tools.Require("chromium");
        await using var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new()
            {
                Width = 1400,
                Height = 1000
            }
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);

        await page.GotoAsync(server.BaseUrl.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a run" }).First.ClickAsync();
        await page.WaitForURLAsync("**/start");
        await Assertions.Expect(page.Locator("#scenario option[value='baseline.yaml'], #scenario "
            + "option:text-is('baseline.yaml')")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#scenario", "baseline.yaml");
        await page.FillAsync("#seed", "5");
        await page.FillAsync("#epochs", "120");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "start-page.png") });
        var console = new List<string>();
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        // Live: the run is held after its first batch (a baseline epoch takes milliseconds, so it could otherwise end before the
        // page joins), so the charts must hold points while it runs, then gain the rest once it goes on.
        var held = server.Launcher.HoldNextRun();
        string runId;
        try
        {
            await page.ClickAsync("#submit");
            await WaitForRunPageAsync(page);
            runId = Uri.UnescapeDataString(page.Url.Split('/')[^1]);
            var firstCount = await WaitForPageAsync<int>(page, console, "() => document.querySelector('#status')?.textContent === 'running' "
                + "&& +document.querySelector('.chart').dataset.points > 0 ? +document.querySelector('.chart').dataset.points : 0");
            Assert.True(firstCount < 120, $"a held run's page shows {firstCount} epochs");
            held.Dispose();
            await WaitForPageAsync<bool>(page, console, $"() => +document.querySelector('.chart').dataset.points > {firstCount}");
        }
        finally
        {
            held.Dispose();
        }

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("#epochs-done")).ToHaveTextAsync("120");
        Assert.Equal(RunChartTitles, await page.Locator(".chart .u-title").AllTextContentsAsync());
        foreach (var chart in await page.Locator(".chart").AllAsync())
            Assert.Equal("120", await chart.GetAttributeAsync("data-points")); // axes are drawn on canvas: the screenshot shows their labels
        // A bitcoin-difficulty run has no LSTM forecast: its legend entry would name a line that is not there.
        var hashrateLegend = await page.Locator(".chart[data-title='Difficulty vs hashrate'] .u-legend .u-series:visible").AllTextContentsAsync();
        Assert.Contains(hashrateLegend, l => l.StartsWith("hashrate (true)", StringComparison.Ordinal));
        Assert.DoesNotContain(hashrateLegend, l => l.Contains("LSTM", StringComparison.Ordinal));
        await HoverMiddleAsync(page, page.Locator(".chart").First);
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "run-page.png"), FullPage = true });

        // A second run with other weights, then the comparison page chosen from the runs list.
        var other = await server.StartRunAsync(new
        {
            scenario = "baseline.yaml", seed = 7, epochs = 120,
            overrides = new { alpha = 0.6, beta = 0.2, gamma = 0.2 }
        });
        await server.WaitForEndAsync(other);
        await page.GotoAsync(server.BaseUrl.ToString());
        await page.CheckAsync($"input[data-id='{runId}']");
        await page.CheckAsync($"input[data-id='{other}']");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "runs-page.png") });
        await page.ClickAsync("#compare");
        await page.WaitForURLAsync("**/compare?runs=*");
        await Assertions.Expect(page.Locator(".chart")).ToHaveCountAsync(4);
        Assert.Equal(["supply", "inflation", "gini", "mean block time"], await page.Locator(".chart .u-title").AllTextContentsAsync());
        foreach (var chart in await page.Locator(".chart").AllAsync())
            Assert.Equal("120", await chart.GetAttributeAsync("data-points"));
        var legend = await page.Locator(".chart").Nth(2).Locator(".u-legend .u-series").AllTextContentsAsync();
        Assert.Contains(legend, l => l.Contains(runId));
        Assert.Contains(legend, l => l.Contains(other));
        await HoverMiddleAsync(page, page.Locator(".chart").Nth(2));
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "compare-page.png"), FullPage = true });

        // The sweeps page, on a fixture folder whose ternary chart is a real PNG (a chart of this page, as it happens).
        var png = await page.Locator(".chart").Nth(2).ScreenshotAsync();
        var sweep = "weights-20261123-120000";
        SweepFixture.Write(server.SweepsFolder, sweep, png);
        await page.GotoAsync(new Uri(server.BaseUrl, "/sweeps").ToString());
        await page.ClickAsync($"a:text-is('{sweep}')");
        await Assertions.Expect(page.Locator("#points tbody tr")).ToHaveCountAsync(3);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#sweep-charts img')].every(i => i.complete && i.naturalWidth > 100)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "sweeps-page.png"), FullPage = true });

        // Orleans' own dashboard, linked from the header.
        var href = await page.GetAttributeAsync("#orleans-link", "href");
        var orleans = await page.GotoAsync(new Uri(server.BaseUrl, href).ToString());
        Assert.Equal(200, orleans!.Status);
    }

    [Fact]
    public async Task ARunPageWhoseStreamBreaksPicksUpWhereItLeftOff()
    {
        Tools.Require("chromium");
        await using var relay = new TcpRelay(server.BaseUrl);
        await using var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        var console = new List<string>();
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        string id;
        using (server.Launcher.HoldNextRun())
        {
            id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 13, epochs = 60 });
            await page.GotoAsync(new Uri(relay.Url, $"/runs/{Uri.EscapeDataString(id)}").ToString());
            await WaitForPageAsync<bool>(page, console, "() => document.querySelector('#status')?.textContent === 'running' "
                + "&& +document.querySelector('.chart').dataset.points > 0");
            relay.CutAll(); // the stream breaks mid-run; the browser reconnects by itself, naming the last event it had
        }

        await WaitForPageAsync<bool>(page, console, "() => document.querySelector('#status')?.textContent === 'completed'");
        foreach (var chart in await page.Locator(".chart").AllAsync())
            Assert.Equal("60", await chart.GetAttributeAsync("data-points")); // each epoch once: none lost, none twice
        // The stream broke and came back: the browser asked again, naming the epochs it held (the first batch).
        var events = $"GET /api/runs/{Uri.EscapeDataString(id)}/events";
        var reconnect = Assert.Single(relay.SentSinceCut, r => r.StartsWith(events, StringComparison.Ordinal));
        Assert.Matches(@"(?im)^last-event-id: *1\r?$", reconnect);
    }

    [Fact]
    public async Task TheStartPageShowsTheReasonARunIsRefused()
    {
        Tools.Require("chromium");
        var page = await server.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, "/start").ToString());
        await page.SelectOptionAsync("#scenario", "baseline.yaml");
        await page.FillAsync("#alpha", "0.9");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("alpha + beta + gamma must equal 1, got 0.9 + 0.3 + 0.3 = 1.5");
        Assert.EndsWith("/start", page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheSweepsPageShowsASweepsDesignItsSensitivityAndAParetoFront()
    {
        Tools.Require("chromium");
        // Real charts, drawn by the code that draws them for a sweep, so the screenshots show what a person would see.
        var drawn = Path.Combine(server.Screenshots, "fixture-charts");
        var pareto = ParetoCharts.Write([new(0.40, 0.09, true), new(0.45, 0.095, false), new(0.50, 0.052, true), new(0.55, 0.06, false)],
            "final_gini ↓ (minimize), mean over seeds", "mean_inflation → 0.05 (target), mean over seeds", 2, drawn, "pareto");
        var sobol = SensitivityCharts.WriteSobol([new("token.emission_per_epoch", 0.62, 0.21, 0.7, 0.18), new("populations.users.count", 0.21,
            0.16, 0.3, 0.18)], "final_gini", drawn, "sensitivity_final_gini");
        var (sensitivityId, paretoId) = ("sobol-20261124-120000", "pareto-tune-20261124-120000");
        var ct = TestContext.Current.CancellationToken;
        SweepFixture.WriteSensitivity(server.SweepsFolder, sensitivityId, await File.ReadAllBytesAsync(sobol[0], ct));
        SweepFixture.WritePareto(server.SweepsFolder, paretoId, await File.ReadAllBytesAsync(pareto[0], ct));
        var page = await server.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        const string ImagesLoaded = "s => [...document.querySelectorAll(s + ' img')].every(i => i.complete && i.naturalWidth > 100)";

        await page.GotoAsync(new Uri(server.BaseUrl, $"/sweeps?id={sensitivityId}").ToString());
        await Assertions.Expect(page.Locator("#design-keys tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#design-summary dd[data-key='design']")).ToHaveTextAsync("16 points × 1 seed = 16 runs (sobol over "
            + "2 parameters, N = 4)");
        await Assertions.Expect(page.Locator("#design-keys tbody tr").First).ToContainTextAsync("token.emission_per_epoch");
        await Assertions.Expect(page.Locator("#design-keys tbody tr").First).ToContainTextAsync("3,000");
        await Assertions.Expect(page.Locator("#sensitivity-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#sensitivity-hint")).ToContainTextAsync("Sobol indices");
        await Assertions.Expect(page.Locator("#sensitivity-charts img")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync(ImagesLoaded, "#sensitivity-charts");
        Assert.True(await page.Locator("#pareto").IsHiddenAsync());
        Assert.True(await page.Locator("#charts-section").IsHiddenAsync()); // its one chart is in its section
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "sweeps-sensitivity.png"), FullPage = true });

        await page.GotoAsync(new Uri(server.BaseUrl, $"/sweeps?id={paretoId}").ToString());
        await Assertions.Expect(page.Locator("#pareto-table tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#pareto-table tbody tr.front")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#pareto-count")).ToHaveTextAsync("2 of 4 points on the front.");
        await Assertions.Expect(page.Locator("#design-summary dd[data-key='objectives']"))
            .ToHaveTextAsync("final_gini ↓ (minimize), mean_inflation → 0.05 (target)");
        await Assertions.Expect(page.Locator("#design-summary dd[data-key='population']")).ToHaveTextAsync("4");
        await page.WaitForFunctionAsync(ImagesLoaded, "#pareto-charts");
        Assert.True(await page.Locator("#sensitivity").IsHiddenAsync());
        Assert.True(await page.Locator("#no-charts").IsHiddenAsync()); // its chart is in the Pareto section
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.Screenshots, "sweeps-pareto.png"), FullPage = true });
        await page.CloseAsync();
    }

    /// <summary>
    /// The start page goes to the run's page once the server has started the run, or shows why it did not: a refusal fails
    /// here with the page's own message (and the server's runs) instead of an anonymous navigation timeout.
    /// </summary>
    private async Task WaitForRunPageAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => location.pathname.startsWith('/runs/') || !document.querySelector('#error')?.hidden");
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"POST /api/runs from the start page did not answer ({e.Message}); runs on the server: "
                + await server.Http.GetStringAsync("/api/runs"));
        }
        if (!page.Url.Contains("/runs/", StringComparison.Ordinal))
            Assert.Fail($"the start page stayed at {page.Url}: {await page.Locator("#error").TextContentAsync()}; runs on the server: "
                + await server.Http.GetStringAsync("/api/runs"));
        await page.WaitForURLAsync("**/runs/baseline-*");
    }

    /// <summary>Waits for <paramref name="expression"/> to be truthy; on a timeout, fails with what the page and the server show.</summary>
    private async Task<T> WaitForPageAsync<T>(IPage page, List<string> console, string expression)
    {
        try
        {
            return await (await page.WaitForFunctionAsync(expression)).JsonValueAsync<T>();
        }
        catch (TimeoutException e)
        {
            var shown = await page.EvaluateAsync<string>("() => `status ${document.querySelector('#status')?.textContent}, points "
                + "${[...document.querySelectorAll('.chart')].map(c => c.dataset.points).join('/')}, "
                + "error ${document.querySelector('#error')?.textContent}`");
            Assert.Fail($"waiting for {expression}: {e.Message}; the page shows {shown}; its console: [{string.Join(" | ", console)}]; "
                + $"runs on the server: {await server.Http.GetStringAsync("/api/runs")}");
            throw;
        }
    }

    private static async Task HoverMiddleAsync(IPage page, ILocator chart)
    {
        var box = await chart.Locator(".u-over").BoundingBoxAsync();
        if (box is not null) await page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height / 2);
    }
}
