using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Dashboard.Serve;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>
/// `silo serve` in process on a free loopback port, with the repository's scenarios and empty runs
/// and sweeps folders of its own; one per test class (starting the silo takes a few seconds).
/// </summary>
public class DashboardServer : IAsyncLifetime
{
    private readonly TempDir? _dir;
    private readonly string _root;
    private WebApplication? _app;

    public DashboardServer()
    {
        _dir = new TempDir();
        _root = _dir.Path;
    }

    /// <summary>
    /// A server on runs and sweeps folders under <paramref name="root"/>, which the caller owns (a restart: a second server on the
    /// first's runs).
    /// </summary>
    internal DashboardServer(string root) => _root = root;

    public string RunsFolder => Path.Combine(_root, "runs");
    public string SweepsFolder => Path.Combine(_root, "sweeps");
    public Uri BaseUrl { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    protected virtual string? Token => null;

    /// <summary>A subclass's wrapper of the run launcher (to hold a run); none in the base.</summary>
    protected virtual Func<IRunLauncher, IRunLauncher>? WrapLauncher => null;

    /// <summary>A subclass's limits or names; the base serves with serve's defaults.</summary>
    protected virtual ServeOptions Configure(ServeOptions options) => options;

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(RunsFolder);
        Directory.CreateDirectory(SweepsFolder);
        _app = ServeHost.Build(Configure(new ServeOptions("127.0.0.1", 0, Token, Repo.Scenarios, RunsFolder, SweepsFolder)), WrapLauncher);
        await _app.StartAsync();
        BaseUrl = new Uri(ServeHost.BoundUrl(_app));
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dir?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a run through the API and returns its id.</summary>
    public async Task<string> StartRunAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("/api/runs", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST /api/runs: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A run's results folder: the API shows it relative to the runs folder.</summary>
    public string FolderOf(JsonElement run) => Path.Combine(RunsFolder, run.GetProperty("folder").GetString()!);

    /// <summary>Polls the run until it is no longer running; returns its final listing.</summary>
    public async Task<JsonElement> WaitForEndAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5));
        while (true)
        {
            var run = (await Http.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/metrics?since=100000")).GetProperty("run");
            if (run.GetProperty("status").GetString() != "running") return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {id} still running after the timeout: {run}");
            await Task.Delay(200);
        }
    }
}

/// <summary>The same server with a start-up token, as `serve` requires off loopback.</summary>
public sealed class TokenDashboardServer : DashboardServer
{
    public const string Secret = "s3cret-token";

    protected override string? Token => Secret;
}

/// <summary>The same server allowed one run at a time and 1 GiB for runs, for the limits' tests.</summary>
public sealed class LimitedDashboardServer : DashboardServer
{
    public const long Budget = 1L << 30;

    protected override ServeOptions Configure(ServeOptions options) => options with { MaxRunningRuns = 1, MemoryBudgetBytes = Budget };
}
