using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// What a web page open in the user's browser must not be able to do with the loopback dashboard
/// (start runs through a simple cross-site POST, read it through DNS rebinding, frame it), and the
/// framework's own refusals answered in the API's JSON shape.
/// </summary>
public sealed class SecurityTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private const string NoSuchScenario = """{"scenario": "no-such.yaml"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task AStartThatIsNotJsonIsRefusedWith415AndStartsNothing(string? contentType)
    {
        var before = await RunCountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/api/runs")
        { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"scenario": "baseline.yaml", "epochs": 1}""")) };
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await ErrorBody.ReadAsync(response));
        Assert.Equal(before, await RunCountAsync());
    }

    [Theory]
    [InlineData("POST", "Origin", "http://evil.example")]
    [InlineData("POST", "Origin", "null")]
    [InlineData("DELETE", "Origin", "http://evil.example")]
    [InlineData("POST", "Sec-Fetch-Site", "cross-site")]
    public async Task AChangeFromAForeignOriginIsRefusedWith403(string method, string header, string value)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), method == "POST" ? "/api/runs" : "/api/runs/any")
        {
            Content = method == "POST" ? new StringContent(NoSuchScenario, Encoding.UTF8, "application/json") : null,
        };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("refused: only this server's own pages may start or cancel runs", await ErrorBody.ReadAsync(response));
    }

    [Fact]
    public async Task AChangeFromTheServersOwnPagesPassesTheOriginCheck()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent(NoSuchScenario, Encoding.UTF8,
            "application/json")
        };
        request.Headers.TryAddWithoutValidation("Origin", server.BaseUrl.GetLeftPart(UriPartial.Authority));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // reached the API, which names the missing scenario
        Assert.Equal("scenario: 'no-such.yaml' not found in scenarios/", await ErrorBody.ReadAsync(response));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("evil.example:80")]
    public async Task AForeignHostHeaderIsRefused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Host = host;
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Host '{host}' is not a name this server answers to", await ErrorBody.ReadAsync(response));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task The_loopback_names_are_answered_with_any_port(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Host = $"{name}:{server.BaseUrl.Port}";
        using var response = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/runs")]
    [InlineData("/api/no-such")]
    [InlineData("/orleans/")]
    public async Task EveryAnswerForbidsFramingAndSniffing(string path)
    {
        using var response = await server.Http.GetAsync(path, Ct);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("GET", "/api/no-such", HttpStatusCode.NotFound, "not found: GET /api/no-such")]
    [InlineData("PUT", "/api/runs", HttpStatusCode.MethodNotAllowed, "method not allowed: PUT /api/runs")]
    [InlineData("POST", "/api/runs/x/metrics", HttpStatusCode.MethodNotAllowed, "method not allowed: POST /api/runs/x/metrics")]
    public async Task TheFrameworksRefusalsHaveTheJsonErrorBody(string method, string path, HttpStatusCode status, string message)
    {
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, await ErrorBody.ReadAsync(response));
    }

    [Fact]
    public async Task ALongTargetIs414AndHugeHeaders431WithTheJsonErrorBody()
    {
        using var longTarget = await server.Http.GetAsync("/api/runs/" + new string('a', 20_000) + "/metrics", Ct);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longTarget.StatusCode);
        Assert.Contains("request target of", await ErrorBody.ReadAsync(longTarget));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.TryAddWithoutValidation("X-Big", new string('b', 40_000));
        using var bigHeaders = await server.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, bigHeaders.StatusCode);
        Assert.Contains("headers of", await ErrorBody.ReadAsync(bigHeaders));
    }

    [Theory]
    [InlineData("scenario")]
    [InlineData("key")]
    [InlineData("value")]
    public async Task InvalidUtf8InAJsonStringIs400NamingMalformedJson(string where)
    {
        byte[] bad = [0xC3, 0x28]; // a lead byte followed by a byte that cannot continue it
        var body = where switch
        {
            "scenario" => Concat("{\"scenario\": \"base", bad, ".yaml\"}"),
            "key" => Concat("{\"scenario\": \"baseline.yaml\", \"overrides\": {\"a", bad, "\": 1}}"),
            _ => Concat("{\"scenario\": \"baseline.yaml\", \"overrides\": {\"run.name\": \"x", bad, "\"}}"),
        };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await server.Http.PostAsync("/api/runs", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("malformed JSON: ", await ErrorBody.ReadAsync(response));
    }

    [Fact]
    public async Task ARunNameTooLongForAFolderNameIs400NamingRunName()
    {
        var name = new string('n', 300);
        using var response = await server.Http.PostAsJsonAsync("/api/runs",
            new { scenario = "baseline.yaml", epochs = 1, overrides = new Dictionary<string, string> { ["run.name"] = name } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("run.name: ", await ErrorBody.ReadAsync(response));
    }

    [Fact]
    public async Task ADamagedSummaryIsListedAsDamagedAndTheOtherRunsStillAre()
    {
        var good = Path.Combine(server.RunsFolder, "good-20200101-000000");
        var bad = Path.Combine(server.RunsFolder, "bad-20200101-000000");
        foreach (var f in new[] { good, bad }) Directory.CreateDirectory(f);
        File.WriteAllText(Path.Combine(good, "metrics.csv"), "epoch,supply\n0,100\n1,110\n");
        File.WriteAllText(Path.Combine(good, "summary.json"), """{"name": "good", "seed": 3}""");
        File.WriteAllText(Path.Combine(bad, "metrics.csv"), "epoch,supply\n0,100\n");
        File.WriteAllText(Path.Combine(bad, "summary.json"), """{"name": "bad", "se""");

        using var response = await server.Http.GetAsync("/api/runs", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runs = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
        var listedGood = Assert.Single(runs, r => r.GetProperty("id").GetString() == "good-20200101-000000");
        Assert.Equal("completed", listedGood.GetProperty("status").GetString());
        Assert.Equal(2, listedGood.GetProperty("epochsDone").GetInt32());
        Assert.Equal("good-20200101-000000", listedGood.GetProperty("folder").GetString()); // relative to the runs folder
        var listedBad = Assert.Single(runs, r => r.GetProperty("id").GetString() == "bad-20200101-000000");
        Assert.Equal("damaged", listedBad.GetProperty("status").GetString());
        Assert.Contains("cannot be read", listedBad.GetProperty("error").GetString());
        Assert.DoesNotContain(server.RunsFolder, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<int> RunCountAsync() => (await server.Http.GetFromJsonAsync<JsonElement>("/api/runs", Ct)).GetArrayLength();

    private static byte[] Concat(string a, byte[] b, string c) => [.. Encoding.UTF8.GetBytes(a), .. b, .. Encoding.UTF8.GetBytes(c)];
}
