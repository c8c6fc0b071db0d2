using System.Buffers;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TokenEconSim.Dashboard.Api;

/// <summary>
/// A server-sent event stream whose items are already UTF-8 JSON: written as they are, so bytes
/// serialised once can go to every viewer (TypedResults.ServerSentEvents would serialise per viewer).
/// Headers as ASP.NET's own result sets them.
/// </summary>
internal sealed class ServerSentBytes(IAsyncEnumerable<SseItem<ReadOnlyMemory<byte>>> items) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.ContentEncoding = "identity";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await SseFormatter.WriteAsync(items, response.Body, static (item, writer) => writer.Write(item.Data.Span), context.RequestAborted);
    }
}
