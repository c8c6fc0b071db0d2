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
        Assert.Equal("simplex", listed.GetProperty("sweep").GetProperty("mode").GetString());

        var sweep = await server.Http.GetFromJsonAsync<JsonElement>($"/api/sweeps/{Id}", ct);
        Assert.Equal(["final_gini-ternary.png"], sweep.GetProperty("charts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("final_gini_mean", sweep.GetProperty("pointColumns")[4].GetString());
        var points = sweep.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        Assert.Equal("0.51", points[1][4].GetString());

        using var png = await server.Http.GetAsync($"/api/sweeps/{Id}/charts/final_gini-ternary.png", ct);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SweepFixture.TinyPng, await png.Content.ReadAsByteArrayAsync(ct));
    }

    [Theory]
    [InlineData("/api/sweeps/no-such", "sweep 'no-such' not found")]
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
