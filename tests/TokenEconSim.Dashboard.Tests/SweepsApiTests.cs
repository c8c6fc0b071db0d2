using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>The Sweeps page's data: sweep folders, one sweep's points table and its chart files, nothing outside the folder.</summary>
public sealed class SweepsApiTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private const string Id = "weights-20261123-120000";

    [Fact]
    public async Task ASweepFolderIsListedWithItsPointsAndCharts()
    {
        SweepFixture.Write(server.SweepsFolder, Id, SweepFixture.TinyPng);
        var ct = TestContext.Current.CancellationToken;

        var list = await server.Http.GetFromJsonAsync<JsonElement>("/api/sweeps", ct);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(Id, listed.GetProperty("id").GetString());
        Assert.Equal("grid", listed.GetProperty("sweep").GetProperty("mode").GetString());

        var sweep = await server.Http.GetFromJsonAsync<JsonElement>($"/api/sweeps/{Id}", ct);
        Assert.Equal(["final_gini-ternary.png"], sweep.GetProperty("charts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("final_gini_mean", sweep.GetProperty("pointColumns")[5].GetString());
        var points = sweep.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        Assert.Equal("0.51", points[1][5].GetString());
        // What the page shows first: the swept parameters, then the objective and the main metrics the table has.
        Assert.Equal(["alpha", "beta", "gamma"], sweep.GetProperty("parameters").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["objective", "final_gini", "final_supply"], sweep.GetProperty("keyMetrics").EnumerateArray().Select(c => c.GetString()));

        // The raw files behind the page's links: sweep.json as written, points.csv as a download.
        var folder = Path.Combine(server.SweepsFolder, Id);
        using var json = await server.Http.GetAsync($"/api/sweeps/{Id}/sweep.json", ct);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "sweep.json"), ct), await json.Content.ReadAsByteArrayAsync(ct));
        using var csv = await server.Http.GetAsync($"/api/sweeps/{Id}/points.csv", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Id}-points.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "points.csv"), ct), await csv.Content.ReadAsByteArrayAsync(ct));

        using var png = await server.Http.GetAsync($"/api/sweeps/{Id}/charts/final_gini-ternary.png", ct);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SweepFixture.TinyPng, await png.Content.ReadAsByteArrayAsync(ct));
    }

    [Theory]
    [InlineData("/api/sweeps/no-such", "sweep 'no-such' not found")]
    [InlineData("/api/sweeps/no-such/sweep.json", "sweep 'no-such' not found")]
    [InlineData("/api/sweeps/no-such/points.csv", "sweep 'no-such' not found")]
    [InlineData("/api/sweeps/..%2F" + Id + "/sweep.json", "not found")]
    [InlineData("/api/sweeps/" + Id + "/charts/..%2Fsweep.json", "not found in sweep")]
    [InlineData("/api/sweeps/..%2Fruns/charts/x.png", "not found in sweep")]
    public async Task UnknownSweepsAndFilesOutsideASweepAre404(string path, string message)
    {
        SweepFixture.Write(server.SweepsFolder, Id, SweepFixture.TinyPng);
        using var response = await server.Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
