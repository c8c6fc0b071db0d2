using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Dashboard.Tests.Support;

namespace TokenEconSim.Dashboard.Tests;

/// <summary>
/// Many viewers of one live run: each batch of epochs is serialised once and the same bytes go to
/// every viewer that is up to date; each viewer still receives every epoch once, in order.
/// </summary>
public sealed class LiveViewersTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private const int Viewers = 20;

    [Fact]
    public async Task EachBatchIsSerialisedOnceForAllViewersAndEveryViewerGetsEveryEpoch()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = RunEvents.RowsSerialised;
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 9, epochs = 300 });
        var streams = await Task.WhenAll(Enumerable.Range(0, Viewers).Select(_ => ReadStreamAsync(id, ct)));
        var serialised = RunEvents.RowsSerialised - before;

        var metrics = await server.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/metrics", ct);
        Assert.Equal("completed", metrics.GetProperty("run").GetProperty("status").GetString());
        var expected = metrics.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Equal(300, expected.Count);
        foreach (var events in streams)
        {
            // Contiguous: each rows event starts where the previous one ended, and together they are the run.
            var received = new List<string>();
            foreach (var e in events)
            {
                Assert.Equal(received.Count, e.GetProperty("since").GetInt32());
                received.AddRange(e.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()));
            }
            Assert.Equal(expected, received);
        }
        // The batches the viewers saw; a viewer serialises events of its own only to catch up when it
        // joins mid-run and for heartbeats (an empty rows event), never per batch.
        var batches = streams.SelectMany(s => s).Where(e => e.GetProperty("rows").GetArrayLength() > 0)
            .Select(e => e.GetProperty("since").GetInt32()).Distinct().Count();
        var heartbeats = streams.Sum(s => s.Count(e => e.GetProperty("rows").GetArrayLength() == 0));
        // (The executor sizes batches to 100–500 ms: a 300-epoch run comes in well over 5.)
        Assert.True(batches >= 5, $"the run came in {batches} batches: too few to tell sharing from serialising per viewer");
        Assert.True(serialised <= batches + 2 * Viewers + heartbeats,
            $"{serialised} rows events serialised for {batches} batches, {Viewers} viewers and {heartbeats} heartbeats (per viewer would be about "
                + $"{batches * Viewers})");
    }

    [Fact]
    public async Task AReconnectingBrowserResumesAtTheLastEventIdItSendsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await server.StartRunAsync(new { scenario = "baseline.yaml", seed = 11, epochs = 40 });
        await server.WaitForEndAsync(id);

        // An EventSource reconnects to its first URL (?since=0 here) with the id of the last event it received.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{id}/events?since=0");
        request.Headers.Add("Last-Event-ID", "1"); // the end of the run's first batch (one epoch)
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var held = 1;
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(ct)).EnumerateAsync(ct))
        {
            if (item.EventType != RunEvents.Rows) continue;
            var rows = JsonDocument.Parse(item.Data).RootElement;
            Assert.Equal(held, rows.GetProperty("since").GetInt32());
            Assert.Equal("completed", rows.GetProperty("run").GetProperty("status").GetString()); // not a batch's "running", replayed
            held += rows.GetProperty("rows").GetArrayLength();
            Assert.Equal(held.ToString(CultureInfo.InvariantCulture), item.EventId); // where the next reconnect resumes
        }
        Assert.Equal(40, held);

        using var bad = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{id}/events");
        bad.Headers.Add("Last-Event-ID", "x");
        using var refused = await server.Http.SendAsync(bad, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Last-Event-ID: 'x' is not an integer", await refused.Content.ReadAsStringAsync(ct));
    }

    /// <summary>The stream's rows events' data, read until its end event.</summary>
    private async Task<List<JsonElement>> ReadStreamAsync(string id, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        using var stream = await server.Http.GetStreamAsync($"/api/runs/{id}/events", timeout.Token);
        using var reader = new StreamReader(stream);
        var rows = new List<JsonElement>();
        string? type = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "rows")
                rows.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "end") return rows;
        }
        throw new InvalidOperationException($"the stream of {id} closed without an end event");
    }
}
