using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;
using TokenEconSim.Silo.Cli;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// What the API may start is bounded: a run estimated beyond the memory budget is refused before
/// it allocates anything, and runs past the cap on runs at once are refused until one ends.
/// The server here allows one run and 1 GiB.
/// </summary>
public sealed class LimitsTests(LimitedDashboardServer server) : IClassFixture<LimitedDashboardServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARunBeyondTheMemoryBudgetIsRefusedNamingTheEstimateAndTheBudget()
    {
        // 10⁸ users is within the validator's range; the shards' arrays alone would take 10.5 GB.
        var before = (await server.Http.GetFromJsonAsync<JsonElement>("/api/runs", Ct)).GetArrayLength();
        using var response = await server.Http.PostAsJsonAsync("/api/runs",
            new
            {
                scenario = "baseline.yaml", epochs = 1, overrides = new Dictionary<string,
                object>
                { ["populations.users.count"] = 100_000_000 }
            }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await ErrorBody.ReadAsync(response);
        Assert.Contains("budget for runs, 1.0 GiB (silo serve --memory-budget)", error);
        var estimate = double.Parse(error.Split("an estimated ")[1].Split(" GiB")[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(estimate * (1L << 30) >= 100_000_000 * 105.0,
            $"the estimate {estimate} GiB is below the shards' arrays alone (105 bytes per agent)");
        Assert.Equal(before, (await server.Http.GetFromJsonAsync<JsonElement>("/api/runs", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task ARunPastTheCapOnRunsAtOnceIs429UntilOneEnds()
    {
        var first = await server.StartRunAsync(new { scenario = "baseline.yaml", epochs = 5000 });
        using (var second = await server.Http.PostAsJsonAsync("/api/runs", new { scenario = "baseline.yaml", epochs = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("1 runs are in progress, the most this server runs at once (silo serve --max-runs 1); start this one when a run has ended",
                await ErrorBody.ReadAsync(second));
        }
        using (var cancel = await server.Http.DeleteAsync($"/api/runs/{first}", Ct)) Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled", (await server.WaitForEndAsync(first)).GetProperty("status").GetString());

        var third = await server.StartRunAsync(new { scenario = "baseline.yaml", epochs = 2 });
        Assert.Equal("completed", (await server.WaitForEndAsync(third)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ServeOnAPortInUseNamesThePortAndExits2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        // The real executable: the host's own logging (stdout) must not print the stack trace either.
        using var dir = new TempDir();
        var (exit, output) = await Shell.RunAsync(Repo.SiloExecutable, ["serve", "--port",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--scenarios", Repo.Scenarios, "--runs", dir.Sub("runs")], dir.Path);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"--port {port}: port {port} on 127.0.0.1 is already in use by another program; choose another with --port (0: any free port)",
            output.Trim());
    }

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("127.1")]
    [InlineData("my-host")]
    public async Task ServeRefusesAHostThatIsNotAnAddress(string host)
    {
        // --scenarios names no folder: before, serve took the address and stopped at the folder instead.
        var (exit, err) = await ServeCli.InvokeAsync(["serve", "--host", host, "--token", "t", "--scenarios", "/no/such/folder"]);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"--host {host}: not an IP address", err);
    }
}
