using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TokenEconSim.Dashboard.Runs;

namespace TokenEconSim.Dashboard.Api;

/// <summary>/api/runs: list, metrics (JSON and server-sent events), start, cancel.</summary>
internal static class RunsApi
{
    public static void Map(RouteGroupBuilder api, string? token)
    {
        var runs = api.MapGroup("/runs");
        runs.MapGet("/", (RunCatalog catalog) => TypedResults.Ok(catalog.List()));
        runs.MapGet("/{id}/metrics", (string id, string? since, RunCatalog catalog) => TypedResults.Ok(Metrics(catalog, id, since)));
        runs.MapGet("/{id}/events", (string id, string? since, RunCatalog catalog, LiveRuns live, CancellationToken ct) =>
        {
            var first = Metrics(catalog, id, since); // 404 before the stream starts, not inside it
            return TypedResults.ServerSentEvents(Events(first, live.Find(id), ct));
        });
        runs.MapPost("/", StartAsync).AddEndpointFilter(new TokenFilter(token));
        runs.MapDelete("/{id}", Cancel).AddEndpointFilter(new TokenFilter(token));
    }

    /// <param name="since">Bound as text: ASP.NET answers a value that does not bind as int with an empty 400.</param>
    private static RunMetrics Metrics(RunCatalog catalog, string id, string? since)
    {
        var from = 0;
        if (since is not null && !int.TryParse(since, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out from))
            throw ApiProblem.BadRequest($"since: '{since}' is not an integer; it is the number of epochs already received");
        if (from < 0) throw ApiProblem.BadRequest($"since: {from} is negative; it is the number of epochs already received");
        return catalog.Metrics(id, from) ?? throw ApiProblem.NotFound($"run '{id}' not found (neither running nor a results folder)");
    }

    private static async Task<IResult> StartAsync(HttpRequest request, LiveRuns live, IOptions<DashboardOptions> options, CancellationToken ct)
    {
        var (scenario, source) = await StartRunBody.ReadAsync(request.Body, options.Value.ScenariosFolder, ct);
        var run = await live.StartAsync(scenario, source, ct);
        return TypedResults.Created($"/api/runs/{run.Id}", RunCatalog.Listing(run));
    }

    private static IResult Cancel(string id, LiveRuns live, RunCatalog catalog)
    {
        var run = live.Find(id);
        if (run is null)
        {
            if (catalog.Metrics(id, int.MaxValue) is not null) throw new ApiProblem(StatusCodes.Status409Conflict, $"run '{id}' has finished; only running runs can be cancelled");
            throw ApiProblem.NotFound($"run '{id}' not found");
        }
        if (run.Status != RunStatus.Running)
            throw new ApiProblem(StatusCodes.Status409Conflict, $"run '{id}' is {RunCatalog.Status(run.Status)}; only running runs can be cancelled");
        run.Cancellation.Cancel();
        return TypedResults.Accepted($"/api/runs/{id}", RunCatalog.Listing(run));
    }

    /// <summary>
    /// The run page's stream: "rows" events with every epoch not yet sent (and the run's state),
    /// then one "end" event once the run is over. A reconnecting page passes ?since= to resume.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Events(RunMetrics first, LiveRun? run, [EnumeratorCancellation] CancellationToken ct)
    {
        var sent = first.Since;
        var heartbeat = false;
        yield return Item("columns", first.Columns);
        while (!ct.IsCancellationRequested)
        {
            var changed = run?.Changed; // taken before reading, so no change is missed in between
            var rows = run is null ? first.Rows : run.RowsSince(sent);
            var state = run is null ? first.Run : RunCatalog.Listing(run);
            if (rows.Count > 0 || changed is null || heartbeat)
            {
                yield return Item("rows", new { since = sent, rows, run = state });
                sent += rows.Count;
            }
            if (state.Status != "running")
            {
                yield return Item("end", state);
                yield break;
            }
            try
            {
                await changed!.WaitAsync(TimeSpan.FromSeconds(15), ct);
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static SseItem<string> Item(string type, object data) => new(JsonSerializer.Serialize(data, Json), type);
}
