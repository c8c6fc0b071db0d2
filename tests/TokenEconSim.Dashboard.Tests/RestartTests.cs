using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// A run started from the dashboard keeps its id when the server restarts on the same runs folder: its results folder is named
/// by the id, and a restarted server lists finished folders by name. (It used to be named &lt;name&gt;-&lt;timestamp&gt; while the
/// id ends in 8 hex digits more, so after a restart every link to the run was a 404.)
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ARunStartedFromTheDashboardHasTheSameIdAfterARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        string id, folder;
        await using (var first = new DashboardServer(_dir.Path))
        {
            await first.InitializeAsync();
            id = await first.StartRunAsync(new { scenario = "baseline.yaml", seed = 6, epochs = 3 });
            folder = first.FolderOf(await first.WaitForEndAsync(id));
        }
        Assert.Equal(id, Path.GetFileName(folder));

        await using var second = new DashboardServer(_dir.Path);
        await second.InitializeAsync();
        var listed = Assert.Single((await second.Http.GetFromJsonAsync<JsonElement>("/api/runs", ct)).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("completed", listed.GetProperty("status").GetString());
        Assert.Equal("baseline.yaml", listed.GetProperty("scenario").GetString());
        Assert.Equal(6, listed.GetProperty("seed").GetInt64());
        // The start a folder's name carries (the id's timestamp), not the folder's creation time.
        Assert.Contains($"-{listed.GetProperty("startedUtc").GetDateTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-", id);

        var metrics = await second.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/metrics", ct);
        Assert.Equal(3, metrics.GetProperty("rows").GetArrayLength());
        using var page = await second.Http.GetAsync($"/runs/{id}", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var csv = await second.Http.GetAsync($"/api/runs/{id}/metrics.csv", ct);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "metrics.csv"), ct), await csv.Content.ReadAsByteArrayAsync(ct));
    }
}
