using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace TokenEconSim.Dashboard.Security;

/// <summary>
/// Every error the server answers has the API's body, <c>{"error": "…"}</c>: the framework's own
/// refusals (no route 404, wrong method 405, wrong content type 415, a foreign Host 400, a body over
/// the limit 413) through ASP.NET's status-code pages, and anything unforeseen through its exception
/// handler (a 500 that names nothing internal; the exception goes to the log).
/// </summary>
public static class JsonErrors
{
    public static IApplicationBuilder UseJsonErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var message = error is BadHttpRequestException b
                    ? b.Message : "internal error while answering this request; the server log has the details";
                return WriteAsync(context, message);
            },
        });
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext, Describe(context.HttpContext)));
        // Refusals that declare an empty body (host filtering's "Content-Length: 0"), which the status-code pages leave alone.
        app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength == 0)
            {
                response.ContentLength = null;
                await WriteAsync(context, Describe(context));
            }
        });
        return app;
    }

    public static Task WriteAsync(HttpContext context, string message) =>
        context.Response.WriteAsJsonAsync(new { error = message }, context.RequestAborted);

    /// <summary>What a bodiless refusal means, naming the request's part at fault.</summary>
    private static string Describe(HttpContext context)
    {
        var request = context.Request;
        var target = $"{request.Method} {Shorten(request.Path.Value ?? "")}";
        return context.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest when !HostAllowed(context) =>
                $"Host '{Shorten(request.Host.Value ?? "")}' is not a name this server answers to (a page reaching it under another name could be "
                    + "a DNS-rebinding attack); use the address 'silo serve' printed, or list the name with --allowed-hosts",
            StatusCodes.Status404NotFound => $"not found: {target}",
            StatusCodes.Status405MethodNotAllowed => $"method not allowed: {target}",
            StatusCodes.Status413PayloadTooLarge => $"request body too large: {target}",
            StatusCodes.Status415UnsupportedMediaType =>
                $"unsupported content type '{Shorten(request.ContentType ?? "none")}': {target} takes 'Content-Type: application/json'",
            var status => $"{ReasonPhrases.GetReasonPhrase(status)}: {target}",
        };
    }

    private static bool HostAllowed(HttpContext context)
    {
        var hosts = context.RequestServices.GetService<IOptions<HostFilteringOptions>>()?.Value.AllowedHosts;
        if (hosts is null || hosts.Count == 0 || hosts.Contains("*")) return true;
        return HostString.MatchesAny(new StringSegment(context.Request.Host.Host), [.. hosts.Select(h => new StringSegment(h))]);
    }

    /// <summary>Request text echoed in a message, cut short: a refusal of a huge request should not be huge.</summary>
    internal static string Shorten(string s) => s.Length <= 120 ? s : s[..120] + "…";
}
