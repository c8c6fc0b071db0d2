using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// What a finished run offers a researcher: its metrics.csv to download (the file's own bytes), a rate that stays what it was
/// when the run ended (in the API and in Prometheus), its key results beside it in the list, and the same id after a restart.
/// </summary>
public sealed class FinishedRunTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private HttpClient Http => server.Http;

    [Fact]
    public async Task ACompletedRunsMetricsCsvDownloadsAsTheFileItWrote()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 3, epochs = 4 });
        var folder = server.FolderOf(await server.WaitForEndAsync(id));

        using var response = await Http.GetAsync($"/api/runs/{id}/metrics.csv", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{id}-metrics.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "metrics.csv"), ct), await response.Content.ReadAsByteArrayAsync(ct));
    }

    [Theory]
    [InlineData("nope-1", 404, "run 'nope-1' not found")]
    [InlineData("..%2F..%2Fetc%2Fpasswd", 404, "not found")]
    [InlineData("%2e%2e", 404, "not found")]
    [InlineData(".hidden", 404, "not found")]
    [InlineData("..%5C..%5Cetc", 404, "not found")]
    public async Task AnUnknownRunOrAPathOutsideTheRunsFolderIsAJson4xx(string id, int status, string message)
    {
        using var response = await Http.GetAsync($"/api/runs/{id}/metrics.csv", TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await ErrorBody.ReadAsync(response));
    }

    [Fact]
    public async Task ARunThatIsStillRunningOrWasCancelledHasNoCsvYet()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", epochs = 5000 });
        using (var early = await Http.GetAsync($"/api/runs/{id}/metrics.csv", ct))
        {
            // Still running now, so running when asked (5 000 epochs take minutes; a test must still not count on it).
            if ((await RunAsync(id)).GetProperty("status").GetString() == "running")
            {
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
                Assert.Equal($"run '{id}' is running; its metrics.csv can be downloaded once it has completed", await ErrorBody.ReadAsync(early));
            }
        }
        using (await Http.DeleteAsync($"/api/runs/{id}", ct)) { }
        var run = await server.WaitForEndAsync(id);
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        using var cancelled = await Http.GetAsync($"/api/runs/{id}/metrics.csv", ct);
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        Assert.Equal($"run '{id}' is cancelled and has no results folder, so no metrics.csv", await ErrorBody.ReadAsync(cancelled));
    }

    [Fact]
    public async Task AFinishedRunsRateStaysWhatItWasWhenItEnded()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 4, epochs = 3 });
        await server.WaitForEndAsync(id);

        var (apiBefore, gaugeBefore) = (await RateAsync(id), await GaugeAsync(id));
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct); // a rate over the time since the start would fall meanwhile
        var (apiAfter, gaugeAfter) = (await RateAsync(id), await GaugeAsync(id));

        Assert.True(apiBefore > 0, $"epochsPerSecond {apiBefore}");
        Assert.Equal(apiBefore, apiAfter);
        Assert.Equal(gaugeBefore, gaugeAfter);
        Assert.Equal(apiBefore, gaugeBefore, 1e-9 * apiBefore);
        var listed = (await Http.GetFromJsonAsync<JsonElement>("/api/runs", ct)).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal(apiBefore, listed.GetProperty("epochsPerSecond").GetDouble());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("etaSeconds").ValueKind);
    }

    [Fact]
    public async Task TheListShowsAFinishedRunsScenarioAndKeyResultsFromItsSummary()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 9, epochs = 3 });
        var folder = server.FolderOf(await server.WaitForEndAsync(id));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "summary.json"), ct));

        var listed = (await Http.GetFromJsonAsync<JsonElement>("/api/runs", ct)).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("baseline.yaml", listed.GetProperty("scenario").GetString());
        Assert.Equal(9, listed.GetProperty("seed").GetInt64());
        var results = listed.GetProperty("results");
        foreach (var key in new[] { "final_supply", "final_gini", "mean_inflation" })
            Assert.Equal(summary.RootElement.GetProperty(key).GetDouble(), results.GetProperty(key).GetDouble());
        Assert.False(results.TryGetProperty("final_accuracy", out _)); // the baseline does not learn: its summary has no accuracy
    }

    private async Task<JsonElement> RunAsync(string id) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/metrics?since=100000", TestContext.Current.CancellationToken)).GetProperty("run");

    private async Task<double> RateAsync(string id) => (await RunAsync(id)).GetProperty("epochsPerSecond").GetDouble();

    /// <summary>tokeneconsim_epochs_per_second{run="id"} from a scrape of /metrics (the exposition's text form).</summary>
    private async Task<double> GaugeAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("text/plain");
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var line = text.Split('\n').Single(l => l.StartsWith("tokeneconsim_epochs_per_second{", StringComparison.Ordinal)
            && l.Contains($"run=\"{id}\"", StringComparison.Ordinal));
        return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
