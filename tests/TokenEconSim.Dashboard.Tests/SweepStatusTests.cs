using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// A sweep killed outright cannot rewrite its sweep.json: it still says "running". The Sweeps page
/// tells it from a live sweep by the pid its folder lock records.
/// </summary>
public sealed class SweepStatusTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task ARunningSweepWhoseProcessIsGoneIsShownInterrupted()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync(TestContext.Current.CancellationToken);
        WriteRunning("killed-20261204-100000", gone.Id);

        var sweep = await Sweep("killed-20261204-100000");

        Assert.Equal("interrupted", sweep.GetProperty("status").GetString());
        Assert.Contains("same sweep command resumes", sweep.GetProperty("interrupted").GetString());
        Assert.Equal(4, sweep.GetProperty("runs_complete").GetInt32());
    }

    [Fact]
    public async Task ARunningSweepWhoseProcessIsAliveStaysRunning()
    {
        WriteRunning("alive-20261204-100000", Environment.ProcessId);

        var sweep = await Sweep("alive-20261204-100000");

        Assert.Equal("running", sweep.GetProperty("status").GetString());
        Assert.False(sweep.TryGetProperty("interrupted", out _));
    }

    private void WriteRunning(string id, int pid)
    {
        var folder = SweepFixture.Write(server.SweepsFolder, id, SweepFixture.TinyPng);
        var report = File.ReadAllText(Path.Combine(folder, "sweep.json")).Replace("\"runs_complete\": 9", "\"runs_complete\": 4")
            .Replace("{\"name\"", "{\"status\": \"running\", \"name\"");
        File.WriteAllText(Path.Combine(folder, "sweep.json"), report);
        File.WriteAllText(Path.Combine(folder, ".lock.pid"), pid.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    private async Task<JsonElement> Sweep(string id)
    {
        var view = await server.Http.GetFromJsonAsync<JsonElement>($"/api/sweeps/{id}", TestContext.Current.CancellationToken);
        return view.GetProperty("sweep");
    }
}
