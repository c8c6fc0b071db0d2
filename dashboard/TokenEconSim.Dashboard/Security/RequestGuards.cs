using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TokenEconSim.Dashboard.Security;

/// <summary>
/// What a web page in the user's browser must not be able to do with this server, and limits on
/// what a request may be:
/// - anti-framing and no content sniffing on every answer (X-Frame-Options, CSP frame-ancestors, nosniff);
/// - a changing request (POST, DELETE, …) from another origin is refused: a browser sends Origin on
///   every cross-origin request, and the pages of this server send their own (RFC 6454 §7.3;
///   the Fetch standard's Sec-Fetch-Site is checked too, for browsers that send it);
/// - with a token, Orleans' dashboard (its pages, its API and its live log stream) needs it, as
///   HTTP Basic with the token as password so that a browser asks for it;
/// - a request target over 8 KiB (414) or headers over 32 KiB or 100 fields (431) are refused here
///   with a JSON body; Kestrel's own limits are set above these so that it does not answer first
///   with an empty one.
/// The Host header is checked before this by ASP.NET's host filtering (the host sets AllowedHosts).
/// </summary>
public static class RequestGuards
{
    public const int MaxTargetBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app, string? token, string? orleansPath)
    {
        token = DashboardToken.Normalize(token);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // Set as the answer starts: the exception handler clears headers set before it.
            context.Response.OnStarting(() =>
            {
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                return Task.CompletedTask;
            });
            if (Refusal(context, token, orleansPath) is var (status, message))
            {
                context.Response.StatusCode = status;
                if (status == StatusCodes.Status401Unauthorized)
                    headers.WWWAuthenticate = "Basic realm=\"TokenEconSim dashboard\", charset=\"UTF-8\"";
                await JsonErrors.WriteAsync(context, message);
                return;
            }
            await next(context);
        });
    }

    private static (int, string)? Refusal(HttpContext context, string? token, string? orleansPath)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        if (target.Length > MaxTargetBytes)
            return (StatusCodes.Status414UriTooLong, $"request target of {target.Length} bytes; at most {MaxTargetBytes} are accepted");
        if (request.Headers.Count > MaxHeaderCount)
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"{request.Headers.Count} header fields; at most {MaxHeaderCount} are accepted");
        var headerBytes = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4);
        if (headerBytes > MaxHeaderBytes)
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"headers of {headerBytes} bytes; at most {MaxHeaderBytes} are accepted");
        if (!IsSafe(request.Method) && ForeignOrigin(request) is { } origin)
            return (StatusCodes.Status403Forbidden,
                $"{request.Method} from origin '{JsonErrors.Shorten(origin)}' refused: only this server's own pages may start or cancel runs");
        if (token is not null && orleansPath is not null && request.Path.StartsWithSegments(orleansPath.TrimEnd('/'),
            StringComparison.OrdinalIgnoreCase)
            && !DashboardToken.Matches(token, request.Headers.Authorization))
            return (StatusCodes.Status401Unauthorized,
                "Orleans' dashboard needs the token given to 'silo serve --token' (as the password of HTTP Basic, any user name, or "
                + "'Authorization: Bearer <token>')");
        return null;
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>The Origin a changing request came from when it is not this server itself, else null.</summary>
    private static string? ForeignOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
            return request.Headers.Origin.ToString() is { Length: > 0 } o ? o : "(another site)";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null; // not sent by a browser's cross-origin request: curl, scripts, tests
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : origin;
    }
}
