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
        // Other tests of this class add their folders beside it.
        var listed = Assert.Single(list.EnumerateArray(), e => e.GetProperty("id").GetString() == Id);
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

    [Fact]
    public async Task ASensitivitySweepShowsItsDesignWithRangesAndItsSensitivityTable()
    {
        var id = "sobol-20261123-120000";
        SweepFixture.WriteSensitivity(server.SweepsFolder, id, SweepFixture.TinyPng);
        var ct = TestContext.Current.CancellationToken;

        var sweep = await server.Http.GetFromJsonAsync<JsonElement>($"/api/sweeps/{id}", ct);

        // The design from the folder's sweep.yaml: the mode, each key with its range, N, the seeds and the points it expands to.
        var design = sweep.GetProperty("design");
        Assert.Equal("sobol", design.GetProperty("mode").GetString());
        Assert.Equal(4, design.GetProperty("samples").GetInt32());
        Assert.Equal(16, design.GetProperty("points").GetInt32());
        Assert.Equal([1L], design.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt64()));
        var keys = design.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(["token.emission_per_epoch", "populations.users.count"], keys.Select(k => k.GetProperty("key").GetString()));
        Assert.Equal((1000.0, 3000.0, false), (keys[0].GetProperty("low").GetDouble(), keys[0].GetProperty("high").GetDouble(),
            keys[0].GetProperty("integer").GetBoolean()));
        Assert.True(keys[1].GetProperty("integer").GetBoolean());

        var sensitivity = sweep.GetProperty("sensitivity");
        Assert.Equal("first_order", sensitivity.GetProperty("columns")[2].GetString());
        Assert.Equal("0.62", sensitivity.GetProperty("rows")[0][2].GetString());
        Assert.Equal(JsonValueKind.Null, sweep.GetProperty("pareto").ValueKind);

        using var csv = await server.Http.GetAsync($"/api/sweeps/{id}/sensitivity.csv", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(server.SweepsFolder, id, "sensitivity.csv"), ct),
            await csv.Content.ReadAsByteArrayAsync(ct));
        using var missing = await server.Http.GetAsync($"/api/sweeps/{id}/pareto.csv", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AParetoTuneShowsItsObjectivesAndItsFront()
    {
        var id = "pareto-tune-20261123-120000";
        SweepFixture.WritePareto(server.SweepsFolder, id, SweepFixture.TinyPng);
        var ct = TestContext.Current.CancellationToken;

        var sweep = await server.Http.GetFromJsonAsync<JsonElement>($"/api/sweeps/{id}", ct);

        var design = sweep.GetProperty("design");
        Assert.Equal("pareto", design.GetProperty("mode").GetString());
        Assert.Equal((4, 8), (design.GetProperty("population").GetInt32(), design.GetProperty("evaluations").GetInt32()));
        var objectives = design.GetProperty("objectives").EnumerateArray().ToList();
        Assert.Equal(["minimize", "target"], objectives.Select(o => o.GetProperty("goal").GetString()));
        Assert.Equal(0.05, objectives[1].GetProperty("target").GetDouble());
        Assert.Equal([1L, 2L], design.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt64()));

        var pareto = sweep.GetProperty("pareto");
        var onFront = pareto.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf("on_front");
        Assert.Equal(["0", "2"], pareto.GetProperty("rows").EnumerateArray().Where(r => r[onFront].GetString() == "true")
            .Select(r => r[0].GetString()));
        Assert.Contains("pareto.png", sweep.GetProperty("charts").EnumerateArray().Select(c => c.GetString()));

        using var csv = await server.Http.GetAsync($"/api/sweeps/{id}/pareto.csv", ct);
        Assert.Equal($"{id}-pareto.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(server.SweepsFolder, id, "pareto.csv"), ct),
            await csv.Content.ReadAsByteArrayAsync(ct));
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
