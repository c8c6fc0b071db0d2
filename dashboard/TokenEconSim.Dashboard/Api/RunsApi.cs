using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Results;

namespace TokenEconSim.Dashboard.Api;

/// <summary>/api/runs: list, metrics (JSON and server-sent events), start, cancel.</summary>
internal static class RunsApi
{
    /// <summary>A start request is a few hundred bytes; a larger body is refused (413) before it is read.</summary>
    public const int MaxStartBodyBytes = 64 * 1024;

    /// <summary>The header a reconnecting event stream sends (the server-sent events standard).</summary>
    public const string LastEventId = "Last-Event-ID";

    public static void Map(RouteGroupBuilder api, string? token)
    {
        var runs = api.MapGroup("/runs");
        runs.MapGet("/", (RunCatalog catalog) => TypedResults.Ok(catalog.List()));
        runs.MapGet("/{id}/metrics", (string id, string? since, RunCatalog catalog) => TypedResults.Ok(Metrics(catalog, id, since)));
        // A completed run's metrics.csv as the run wrote it, to download: the bytes of the file, not a re-encoding of the rows.
        runs.MapGet("/{id}/metrics.csv", (string id, RunCatalog catalog) =>
            TypedResults.PhysicalFile(catalog.MetricsCsv(id), "text/csv; charset=utf-8", $"{id}-{RunFiles.Metrics}"));
        runs.MapGet("/{id}/events", (string id, string? since, HttpRequest request, RunCatalog catalog, LiveRuns live, CancellationToken ct) =>
        {
            // A browser's EventSource reconnects by itself to the same URL, naming the last event it received: the rows
            // events' ids are the epochs received after them, so the stream resumes there rather than at the page's first ?since=.
            var resumed = request.Headers[LastEventId].FirstOrDefault();
            // A 404 before the stream starts, not inside it.
            var first = resumed is null ? Metrics(catalog, id, since) : Metrics(catalog, id, resumed, LastEventId);
            return new ServerSentBytes(Events(first, live.Find(id), ct));
        });
        // Accepts: routing answers 415 to any other content type (a form or text/plain POST is what a
        // foreign page can send without asking the browser first).
        runs.MapPost("/", StartAsync).Accepts<JsonElement>("application/json").AddEndpointFilter(new TokenFilter(token));
        runs.MapDelete("/{id}", Cancel).AddEndpointFilter(new TokenFilter(token));
    }

    /// <param name="since">Bound as text: ASP.NET answers a value that does not bind as int with an empty 400.</param>
    private static RunMetrics Metrics(RunCatalog catalog, string id, string? since, string name = "since")
    {
        var from = 0;
        if (since is not null && !int.TryParse(since, System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out from))
            throw ApiProblem.BadRequest($"{name}: '{Security.JsonErrors.Shorten(since)}' is not an integer; it is the number of epochs "
                + "already received");
        if (from < 0) throw ApiProblem.BadRequest($"{name}: {from} is negative; it is the number of epochs already received");
        return catalog.Metrics(id, from) ?? throw RunCatalog.NotFound(id);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, LiveRuns live, IOptions<DashboardOptions> options, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "POST /api/runs takes 'Content-Type: application/json'");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxStartBodyBytes;
        var (scenario, source) = await StartRunBody.ReadAsync(request.Body, options.Value.ScenariosFolder, ct);
        var run = await live.StartAsync(scenario, source, ct);
        return TypedResults.Created($"/api/runs/{run.Id}", RunCatalog.Listing(run));
    }

    private static IResult Cancel(string id, LiveRuns live, RunCatalog catalog)
    {
        var run = live.Find(id);
        if (run is null)
        {
            if (catalog.Metrics(id, int.MaxValue) is not null)
                throw new ApiProblem(StatusCodes.Status409Conflict, $"run '{id}' has finished; only running runs can be cancelled");
            throw ApiProblem.NotFound($"run '{Security.JsonErrors.Shorten(id)}' not found");
        }
        if (run.Status != RunStatus.Running)
            throw new ApiProblem(StatusCodes.Status409Conflict, $"run '{id}' is {RunCatalog.Status(run.Status)}; only running runs can be cancelled");
        run.Cancellation.Cancel();
        return TypedResults.Accepted($"/api/runs/{id}", RunCatalog.Listing(run));
    }

    /// <summary>
    /// The run page's stream: "rows" events with every epoch not yet sent (and the run's state),
    /// then one "end" event once the run is over. A page resumes with ?since=, or the browser with Last-Event-ID.
    /// A viewer that is up to date is sent each batch's event as the run serialised it once for all
    /// (<see cref="LiveRun.SharedSince"/>); events of its own only to catch up, and as heartbeats.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<ReadOnlyMemory<byte>>> Events(RunMetrics first, LiveRun? run,
        [EnumeratorCancellation] CancellationToken ct)
    {
        yield return Item(RunEvents.Columns, RunEvents.Data(first.Columns));
        if (run is null)
        {
            yield return Rows(RunEvents.RowsData(first.Since, first.Rows, first.Run), first.Since + first.Rows.Count);
            yield return Item(RunEvents.End, RunEvents.Data(first.Run));
            yield break;
        }
        var sent = first.Since;
        var heartbeat = false;
        while (!ct.IsCancellationRequested)
        {
            var changed = run.Changed; // taken before reading, so no change is missed in between
            var ended = run.Status != RunStatus.Running; // read before the rows: a run ends after its last rows
            // Shared events carry the state at their batch ("running"): a viewer of an ended run gets one catch-up with its final state.
            var shared = ended ? [] : run.SharedSince(sent);
            foreach (var e in shared) yield return Rows(e.Data, e.Until);
            if (shared.Count > 0) sent = shared[^1].Until;
            var rows = run.RowsSince(sent);
            if (rows.Count > 0 || heartbeat)
            {
                yield return Rows(RunEvents.RowsData(sent, rows, RunCatalog.Listing(run)), sent + rows.Count);
                sent += rows.Count;
            }
            if (ended)
            {
                yield return Item(RunEvents.End, run.EndData ?? RunEvents.Data(RunCatalog.Listing(run)));
                yield break;
            }
            try
            {
                await changed.WaitAsync(TimeSpan.FromSeconds(15), ct);
                heartbeat = false;
            }
            catch (TimeoutException)
            {
                // Nothing new for a while: send the state again, which keeps proxies from closing the stream.
                heartbeat = true;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static SseItem<ReadOnlyMemory<byte>> Item(string type, ReadOnlyMemory<byte> data) => new(data, type);

    /// <summary>A rows event whose id is the number of epochs a viewer holds after it (where a reconnect resumes).</summary>
    private static SseItem<ReadOnlyMemory<byte>> Rows(ReadOnlyMemory<byte> data, int until) =>
        new(data, RunEvents.Rows) { EventId = until.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
