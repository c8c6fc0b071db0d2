using System.Text;
using System.Text.Json;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// A probe of a real `silo serve` process on 127.0.0.1 as an attacker or a careless client would
/// send: malformed JSON, invalid UTF-8, huge and deep bodies, traversal in every parameter, wrong
/// methods and content types, foreign Origin and Host. No answer is a 5xx, every 4xx carries the
/// JSON error body, no run is started, and the server still answers afterwards.
/// </summary>
public sealed class HostileProbeTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<ChildProcess> _processes = [];

    public void Dispose()
    {
        foreach (var p in _processes) p.Dispose();
        _dir.Dispose();
    }

    private sealed record Probe(string Method, string Target, byte[]? Body = null, string? ContentType = "application/json",
        params (string, string)[] Headers);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] WithBytes(string before, byte[] bad, string after) => [.. Utf8(before), .. bad, .. Utf8(after)];

    private static IEnumerable<Probe> Probes()
    {
        const string Post = "POST", Get = "GET", Delete = "DELETE";
        // Malformed JSON.
        foreach (var body in new[] { "{", "not json", "[", "{\"scenario\":}", "\"text\"", "null", "{\"scenario\": 5}", "{\"scenario\": null}",
                     "{\"scenario\": \"no-such.yaml\", \"epochs\": 1e400}", "{\"scenario\": \"no-such.yaml\", \"seed\": 99999999999999999999999}",
                     "{\"scenario\": \"no-such.yaml\", \"overrides\": {\"a\": {\"b\": 1}}}", "{\"scenario\": \"no-such.yaml\", \"overrides\": \"x\"}",
                     "{\"scenario\": \"no-such.yaml\",}", "{'scenario': 'no-such.yaml'}", "", "\u0000", "{\"scenario\": \"no-such.yaml\"} trailing" })
            yield return new(Post, "/api/runs", Utf8(body));
        // Invalid UTF-8: in a value, a key, an override, outside strings, an overlong encoding, a lone surrogate.
        foreach (var bad in new byte[][] { [0xC3, 0x28], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80] })
        {
            yield return new(Post, "/api/runs", WithBytes("{\"scenario\": \"x", bad, ".yaml\"}"));
            yield return new(Post, "/api/runs", WithBytes("{\"scenario\": \"baseline.yaml\", \"overrides\": {\"k", bad, "\": 1}}"));
            yield return new(Post, "/api/runs", WithBytes("{\"scenario\": \"baseline.yaml\", \"overrides\": {\"run.name\": \"", bad, "\"}}"));
        }
        yield return new(Post, "/api/runs", WithBytes("{", [0xFF, 0xFE], "}"));
        // Huge and deep bodies.
        yield return new(Post, "/api/runs", Utf8("{\"scenario\": \"" + new string('a', 1 << 20) + "\"}"));
        yield return new(Post, "/api/runs", Utf8(new string(' ', 200_000) + "{}"));
        yield return new(Post, "/api/runs", Utf8(new string('[', 10_000) + new string(']', 10_000)));
        yield return new(Post, "/api/runs", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70)));
        yield return new(Post, "/api/runs", Utf8("{\"scenario\": \"no-such.yaml\", \"overrides\": "
            + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}"));
        yield return new(Post, "/api/runs", Utf8("{\"scenario\": \"baseline.yaml\", \"overrides\": {"
            + string.Join(',', Enumerable.Range(0, 2000).Select(i => $"\"k{i}\": {i}")) + "}}"));
        // Traversal in every parameter: the scenario, run ids, sweep ids, chart files, assets, since.
        foreach (var scenario in new[] { "../README.md", "../../../../etc/passwd", "/etc/passwd", "..\\..\\etc\\passwd", "%2e%2e/%2e%2e/etc/passwd",
                     "baseline.yaml/../../../etc/passwd", "./../scenarios/../../etc/passwd", "scenarios/../../etc/passwd", "~/.bashrc",
                         "file:///etc/passwd" })
            yield return new(Post, "/api/runs", Utf8(JsonSerializer.Serialize(new { scenario })));
        foreach (var id in new[] { "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5C..%5Cetc", ".hidden", "..", "%2Fetc%2Fpasswd",
            "x%0d%0aSet-Cookie:%20a=b", "%01" })
        {
            yield return new(Get, $"/api/runs/{id}/metrics", ContentType: null);
            yield return new(Get, $"/api/runs/{id}/metrics.csv", ContentType: null);
            yield return new(Get, $"/api/sweeps/{id}/sweep.json", ContentType: null);
            yield return new(Get, $"/api/sweeps/{id}/points.csv", ContentType: null);
            yield return new(Get, $"/api/runs/{id}/events", ContentType: null);
            yield return new(Delete, $"/api/runs/{id}", ContentType: null);
            yield return new(Get, $"/api/sweeps/{id}", ContentType: null);
            yield return new(Get, $"/api/sweeps/{id}/charts/x.png", ContentType: null);
            yield return new(Get, $"/api/sweeps/x/charts/{id}", ContentType: null);
            yield return new(Get, $"/assets/{id}", ContentType: null);
        }
        foreach (var since in new[] { "-1", "abc", "1e10", "", "%00", "..%2F..%2F", "99999999999999999999" })
            yield return new(Get, $"/api/runs/x/metrics?since={since}", ContentType: null);
        yield return new(Get, "/assets/../../../../etc/passwd", ContentType: null);
        yield return new(Get, "/api/runs/" + new string('a', 20_000) + "/metrics", ContentType: null);
        // Wrong methods.
        foreach (var (method, target) in new[] { ("PUT", "/api/runs"), ("PATCH", "/api/runs/x"), (Delete, "/api/runs"), (Post, "/api/runs/x/metrics"),
                     (Post, "/api/scenarios"), (Delete, "/"), ("TRACE", "/api/runs"), ("OPTIONS", "/api/runs"), ("FOO", "/api/runs"),
                         (Post, "/metrics"), ("PUT", "/assets/common.js") })
            yield return new(method, target, method is "PUT" or "PATCH" or "POST" ? Utf8("{}") : null);
        // Wrong content types, with a body that would start a run.
        var start = Utf8("{\"scenario\": \"baseline.yaml\", \"epochs\": 1}");
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "application/jsonx",
            "text/json", "application/xml", "*/*" })
            yield return new(Post, "/api/runs", start, type);
        yield return new(Post, "/api/runs", start, ContentType: null);
        // Foreign Origin and Host.
        foreach (var origin in new[] { "http://evil.example", "null", "http://127.0.0.1.evil.example", "http://localhost:1" })
        {
            yield return new(Post, "/api/runs", start, "application/json", ("Origin", origin));
            yield return new(Delete, "/api/runs/x", null, null, ("Origin", origin));
        }
        yield return new(Post, "/api/runs", start, "application/json", ("Sec-Fetch-Site", "cross-site"));
        foreach (var host in new[] { "evil.example", "evil.example:80", "127.0.0.1.evil.example", "localhost.evil.example", "0.0.0.0", "[::2]" })
        {
            yield return new(Get, "/api/runs", null, null, ("Host", host));
            yield return new(Post, "/api/runs", start, "application/json", ("Host", host));
            yield return new(Get, "/orleans/", null, null, ("Host", host));
        }
        // Oversized headers.
        yield return new(Get, "/api/runs", null, null, ("X-Big", new string('b', 40_000)));
        yield return new(Get, "/api/runs", null, null, [.. Enumerable.Range(0, 150).Select(i => ($"X-H{i}", "v"))]);
        yield return new(Post, "/api/runs", Utf8("{\"scenario\": \"no-such.yaml\"}"), "application/json",
            ("Authorization", "Bearer " + new string('t', 10_000)));
    }

    [Fact]
    public async Task HostileRequestsGet4xxWithAJsonErrorAndTheServerSurvives()
    {
        var ct = TestContext.Current.CancellationToken;
        var serve = new ChildProcess(Repo.SiloExecutable, ["serve", "--port", "0", "--scenarios", Repo.Scenarios, "--runs", _dir.Sub("runs"),
            "--sweeps", _dir.Sub("sweeps")], _dir.Path);
        _processes.Add(serve);
        var url = new Uri(await serve.WaitForLineAsync("dashboard: ", TimeSpan.FromMinutes(3)));
        Directory.CreateDirectory(_dir.Sub("sweeps"));

        var probes = Probes().ToList();
        Assert.True(probes.Count >= 80, $"only {probes.Count} probes");
        var failures = new List<string>();
        foreach (var p in probes)
        {
            var headers = new List<(string, string)>(p.Headers);
            if (p.ContentType is not null && p.Body is not null) headers.Add(("Content-Type", p.ContentType));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2)); // an answer that never comes is a failure, not a hang
            var answer = await RawHttp.SendAsync(url, p.Method, p.Target, headers, p.Body, timeout.Token);
            var what = $"{p.Method} {Short(p.Target)} [{p.ContentType}; "
                + $"{string.Join(", ", p.Headers.Select(h => $"{h.Item1}: {Short(h.Item2)}"))}] body "
                + $"{Short(p.Body is null ? "" : Encoding.UTF8.GetString(p.Body))}";
            if (answer.Status >= 500) failures.Add($"{answer.Status} for {what}: {Short(answer.Body)}");
            else if (answer.Status >= 400 && ErrorBody.Of(answer.Body).StartsWith('<'))
                failures.Add($"{answer.Status} without a JSON error for {what}: {Short(answer.Body)}");
            else if (p.Method == "POST" && p.Target == "/api/runs" && answer.Status < 400)
                failures.Add($"{answer.Status}: a run was started by {what}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} probes:\n" + string.Join('\n', failures));

        // A NUL in the path is refused by Kestrel itself, before any middleware: 400 with an empty
        // body (the one refusal the application cannot give its JSON body to). Still no 5xx.
        foreach (var target in new[] { "/api/runs/%00/metrics", "/api/sweeps/%00", "/assets/%00" })
            Assert.Equal(400, (await RawHttp.SendAsync(url, "GET", target, [], null, ct)).Status);

        using var http = new HttpClient { BaseAddress = url };
        Assert.Equal("[]", await http.GetStringAsync("/api/runs", ct)); // alive, and nothing was started
        Assert.False(Directory.Exists(_dir.Sub("runs")) && Directory.EnumerateFileSystemEntries(_dir.Sub("runs")).Any());
    }

    private static string Short(string s) => s.Length <= 80 ? s : s[..80] + $"…({s.Length})";
}
