using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// `silo serve` as a process runs a scenario; promtool accepts its /metrics, and a real Prometheus
/// (Debian's package, on loopback) scrapes it: a query through Prometheus' HTTP API returns the run's supply.
/// </summary>
public sealed class PrometheusTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<ChildProcess> _processes = [];

    public void Dispose()
    {
        foreach (var p in _processes) p.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task PrometheusScrapesTheSimulationAndOrleansMetricsFromServe()
    {
        var prometheus = Tools.Require("prometheus");
        var promtool = Tools.Require("promtool");
        var ct = TestContext.Current.CancellationToken;

        var serve = Start(Repo.SiloExecutable, ["serve", "--port", "0", "--scenarios", Repo.Scenarios, "--runs", _dir.Sub("runs"), "--sweeps",
            _dir.Sub("sweeps")]);
        var url = new Uri(await serve.WaitForLineAsync("dashboard: ", TimeSpan.FromMinutes(3)));
        using var http = new HttpClient { BaseAddress = url };
        using var post = await http.PostAsJsonAsync("/api/runs", new { scenario = "baseline.yaml", epochs = 4, seed = 3 }, ct);
        var id = (await post.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        var run = await WaitForEndAsync(http, id);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Sub("runs"), run.GetProperty("folder").GetString()!,
            "summary.json"))).RootElement;
        var finalSupply = summary.GetProperty("final_supply").GetDouble();

        // The exposition in the plain-text format (promtool does not read OpenMetrics).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Accept", "text/plain; version=0.0.4" } } };
        using var scrape = await http.SendAsync(request, ct);
        var exposition = await scrape.Content.ReadAsStringAsync(ct);
        // The whole exposition parses (exit 1 is a parse error; 3 means lint notes, which Orleans' own
        // meters have: no help text, megabytes), and the simulation's meters pass the lint as well.
        var (exit, lint) = await Shell.RunAsync(promtool, ["check", "metrics"], _dir.Path, stdin: exposition);
        Assert.True(exit is 0 or 3, $"promtool check metrics exited {exit}:\n{lint}");
        Assert.DoesNotContain(lint.Split('\n'), l => l.StartsWith("tokeneconsim_", StringComparison.Ordinal));
        var ours = string.Join('\n', exposition.Split('\n').Where(l => l.Contains("tokeneconsim_", StringComparison.Ordinal))) + "\n";
        (exit, lint) = await Shell.RunAsync(promtool, ["check", "metrics"], _dir.Path, stdin: ours);
        Assert.True(exit == 0, $"promtool check metrics on the simulation's meters exited {exit}:\n{lint}");
        foreach (var name in DeploymentFilesTests.GrafanaMetricNames())
            Assert.True(exposition.Contains(name + "{", StringComparison.Ordinal),
                $"Grafana's dashboard queries {name}, which /metrics does not export");

        var port = ChildProcess.FreePort();
        File.WriteAllText(_dir.Sub("prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: tokeneconsim
                static_configs:
                  - targets: ["{url.Authority}"]
            """);
        Start(prometheus, [$"--config.file={_dir.Sub("prometheus.yml")}", $"--storage.tsdb.path={_dir.Sub("tsdb")}",
            $"--web.listen-address=127.0.0.1:{port}"]);
        using var prom = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var supply = await QueryAsync(prom, $"tokeneconsim_supply_tokens{{run=\"{id}\"}}");
        Assert.Equal(finalSupply, supply, 6);
        Assert.Equal(4, await QueryAsync(prom, $"tokeneconsim_epochs_total{{run=\"{id}\"}}"));
        Assert.Equal(4, await QueryAsync(prom, $"sum(tokeneconsim_pbft_outcomes_total{{run=\"{id}\"}})"));
        Assert.True(await QueryAsync(prom, "count({__name__=~\"orleans_.+\"})") > 10, "Orleans' own meters are exported");
    }

    private ChildProcess Start(string file, string[] args)
    {
        var p = new ChildProcess(file, args, _dir.Path);
        _processes.Add(p);
        return p;
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient http, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var run = (await http.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/metrics?since=100000")).GetProperty("run");
            if (run.GetProperty("status").GetString() != "running" || DateTime.UtcNow > deadline) return run;
            await Task.Delay(200);
        }
    }

    /// <summary>An instant query's single value, polled until Prometheus has scraped it (the first scrape lands ~5 s after start).</summary>
    private static async Task<double> QueryAsync(HttpClient prom, string query)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await prom.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
                var result = JsonDocument.Parse(last).RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() == 1)
                    return double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Prometheus returned no single value for {query} within 180 s; last answer: {last}");
    }
}
