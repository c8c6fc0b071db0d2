using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Dashboard.Tests.Support;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>The JSON API behind the pages: bad requests get 4xx with a message naming the problem; good ones run.</summary>
public sealed class ApiTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private HttpClient Http => server.Http;

    [Theory]
    [InlineData("../README.md")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task AScenarioOutsideScenariosIsRefused(string path)
    {
        var (status, error) = await PostAsync(JsonSerializer.Serialize(new { scenario = path }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"scenario: '{path}' is outside scenarios/; name a file inside it, e.g. \"baseline.yaml\"", error);
    }

    [Fact]
    public async Task AScenarioThatDoesNotExistIsRefused()
    {
        var (status, error) = await PostAsync("""{"scenario": "no-such.yaml"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("scenario: 'no-such.yaml' not found in scenarios/", error);
    }

    [Fact]
    public async Task RewardWeightsThatDoNotSumToOneAreRefusedWithTheSum()
    {
        var (status, error) = await PostAsync("""{"scenario": "baseline.yaml", "overrides": {"alpha": 0.5}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("baseline.yaml: ", error);
        Assert.Contains("alpha + beta + gamma must equal 1, got 0.5 + 0.3 + 0.3 = 1.1", error);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    public async Task EpochsBelowOneAreRefused(int epochs)
    {
        var (status, error) = await PostAsync($$"""{"scenario": "baseline.yaml", "epochs": {{epochs}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"epochs: {epochs} is not allowed, a run needs at least 1 epoch", error);
    }

    [Theory]
    [InlineData("{\"scenario\": ", "malformed JSON: ")]
    [InlineData("not json", "malformed JSON: ")]
    [InlineData("[1, 2]", "malformed JSON: expected an object")]
    [InlineData("{\"seed\": 1}", "scenario: required")]
    [InlineData("{\"scenario\": \"baseline.yaml\", \"seed\": \"seven\"}", "seed: expected an integer, got \"seven\"")]
    [InlineData("{\"scenario\": \"baseline.yaml\", \"overrides\": [1]}", "overrides: expected an object")]
    [InlineData("{\"scenario\": \"baseline.yaml\", \"overrides\": {\"rewards.alpah\": 0.1}}", "baseline.yaml: overrides: unknown key 'alpah'")]
    [InlineData("{\"scenario\": \"baseline.yaml\\u0000\"}", "scenario: the name contains a control character")]
    [InlineData("{\"scenario\": \"baseline.yaml\", \"overrides\": {\"run.name\": \"&a [*a]\"}}",
        "overrides: run.name: '&a [*a]' is not a valid run name")]
    public async Task Malformed_bodies_are_refused_naming_the_problem(string body, string expectedStart)
    {
        var (status, error) = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expectedStart, error);
    }

    [Fact]
    public async Task AnUnknownRunIs404ForMetricsEventsAndCancel()
    {
        foreach (var (method, path) in new[] { ("GET", "/api/runs/nope-1/metrics"), ("GET", "/api/runs/nope-1/events"),
            ("DELETE", "/api/runs/nope-1") })
        {
            using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("run 'nope-1' not found", await ErrorAsync(response));
        }
    }

    [Theory]
    [InlineData("metrics", "-1", "since: -1 is negative; it is the number of epochs already received")]
    [InlineData("metrics", "abc", "since: 'abc' is not an integer; it is the number of epochs already received")]
    [InlineData("events", "99999999999", "since: '99999999999' is not an integer; it is the number of epochs already received")]
    public async Task ASinceThatIsNotACountIsRefusedWithAMessage(string endpoint, string since, string message)
    {
        using var response = await Http.GetAsync($"/api/runs/x/{endpoint}?since={since}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await ErrorAsync(response)); // before, a word here got an empty 400
    }

    [Fact]
    public async Task AStartedRunStreamsTheRowsItsResultsFolderHoldsAndThenIsListedOnce()
    {
        var id = await server.StartRunAsync(new
        {
            scenario = "baseline.yaml", seed = 11, epochs = 3,
            overrides = new { alpha = 0.5, beta = 0.25, gamma = 0.25 }
        });
        var run = await server.WaitForEndAsync(id);
        Assert.Equal("completed", run.GetProperty("status").GetString());

        var metrics = await Http.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/metrics", TestContext.Current.CancellationToken);
        var columns = metrics.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var rows = metrics.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(0.5, rows[2][columns.IndexOf("alpha")].GetDouble()); // the overrides reached the run

        // What the page saw live is what the completed folder holds.
        var folder = server.FolderOf(run);
        var (csvColumns, csvRows) = MetricTable.ReadCsv(Path.Combine(folder, "metrics.csv"));
        Assert.Equal(csvColumns, columns);
        for (var i = 0; i < 3; i++)
            Assert.Equal(csvRows[i].Select(v => v is null ? "" : v.Value.ToString("G10")), rows[i].EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Null ? "" : v.GetDouble().ToString("G10")));
        Assert.Contains("seed: 11", File.ReadAllText(Path.Combine(folder, "scenario.yaml")));

        var list = await Http.GetFromJsonAsync<JsonElement>("/api/runs", TestContext.Current.CancellationToken);
        Assert.Single(list.EnumerateArray(), r => r.GetProperty("folder").GetString() == Path.GetFileName(folder)); // relative: no server paths

        using var cancel = await Http.DeleteAsync($"/api/runs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal($"run '{id}' is completed; only running runs can be cancelled", await ErrorAsync(cancel));
    }

    [Fact]
    public async Task AFinishedFolderIsListedWithItsMetrics()
    {
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", epochs = 2 });
        var folder = server.FolderOf(await server.WaitForEndAsync(id));
        // A copy under another name stands for a run finished before this server started.
        var copy = Path.Combine(server.RunsFolder, "earlier-20200101-000000");
        Directory.CreateDirectory(copy);
        foreach (var f in new[] { "metrics.csv", "summary.json" }) File.Copy(Path.Combine(folder, f), Path.Combine(copy, f));

        var list = await Http.GetFromJsonAsync<JsonElement>("/api/runs", TestContext.Current.CancellationToken);
        var earlier = Assert.Single(list.EnumerateArray(), r => r.GetProperty("id").GetString() == "earlier-20200101-000000");
        Assert.Equal("completed", earlier.GetProperty("status").GetString());
        Assert.Equal(2, earlier.GetProperty("epochsDone").GetInt32());
        var metrics = await Http.GetFromJsonAsync<JsonElement>("/api/runs/earlier-20200101-000000/metrics?since=1",
            TestContext.Current.CancellationToken);
        Assert.Equal(1, metrics.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task CancellingARunningRunStopsItWithoutAResultsFolder()
    {
        // Compared as a whole, not by name: other tests of this class finish baseline runs whose
        // folders can carry the same timestamp second as this run's id.
        var before = Directory.GetFileSystemEntries(server.RunsFolder).Order(StringComparer.Ordinal).ToArray();
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", epochs = 5000 });
        using var cancel = await Http.DeleteAsync($"/api/runs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var run = await server.WaitForEndAsync(id);
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("epochsDone").GetInt32() < 5000);
        // Neither a results folder nor its hidden temporary folder is left behind.
        Assert.Equal(before, Directory.GetFileSystemEntries(server.RunsFolder).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task TheStartPageListsTheScenariosFolder()
    {
        var scenarios = await Http.GetFromJsonAsync<string[]>("/api/scenarios", TestContext.Current.CancellationToken);
        Assert.Contains("baseline.yaml", scenarios!);
        Assert.Equal(Directory.GetFiles(Repo.Scenarios, "*.yaml").Length, scenarios!.Length);
    }

    private async Task<(HttpStatusCode, string)> PostAsync(string body)
    {
        using var response = await Http.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        return (response.StatusCode, await ErrorAsync(response));
    }

    [Fact]
    public async Task TheRunPagesChartsComeFromTheMetricDeclarations()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/api/charts", TestContext.Current.CancellationToken));
        var charts = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(ChartGroups.Browser.All.Select(g => g.Title), charts.Select(c => c.GetProperty("title").GetString()));
        var declared = MetricColumns.All.Select(c => (string?)c.Name).ToHashSet();
        Assert.All(charts.SelectMany(c => c.GetProperty("series").EnumerateArray()),
            s => Assert.Contains(s.GetProperty("col").GetString(), declared));
        var difficulty = charts.Single(c => c.GetProperty("title").GetString() == "Difficulty vs hashrate");
        // The axis titles carry the units: a bare "difficulty" next to ticks of 894M says nothing of what is counted.
        Assert.Equal("difficulty (× 2³² hashes per block)", difficulty.GetProperty("y").GetString());
        Assert.Equal("hashrate (2³² H/s; real: H/s)", difficulty.GetProperty("y2").GetString());
        var hashrate = difficulty.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["difficulty", "hashrate", "hashrate_estimated", "hashrate_predicted"], hashrate.Select(s => s.GetProperty("col").GetString()));
        Assert.Equal([1, 2, 2, 2], hashrate.Select(s => s.GetProperty("axis").GetInt32()));
        Assert.True(hashrate[3].GetProperty("whenFilled").GetBoolean());
        // The page has no column list of its own left to forget.
        var script = await Http.GetStringAsync("/assets/charts.js", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("reward_total", script, StringComparison.Ordinal);
        Assert.Contains("/api/charts", script, StringComparison.Ordinal);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"<no error field: {text}>";
        }
    }
}
