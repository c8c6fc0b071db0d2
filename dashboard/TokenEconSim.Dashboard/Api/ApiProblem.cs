using Microsoft.AspNetCore.Http;

namespace TokenEconSim.Dashboard.Api;

/// <summary>A request the API refuses: its HTTP status and a message naming what is wrong.</summary>
public sealed class ApiProblem(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiProblem NotFound(string message) => new(StatusCodes.Status404NotFound, message);
}

/// <summary>Every API error in one shape, <c>{"error": "…"}</c>, from one filter instead of a try/catch per endpoint.</summary>
internal sealed class ApiProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiProblem p)
        {
            return Error(p.Status, p.Message);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel refusing a body while we read it (e.g. over its size limit) arrives here.
            return Error(e.StatusCode, e.Message);
        }
    }

    public static IResult Error(int status, string message) => TypedResults.Json(new { error = message }, statusCode: status);
}

/// <summary>Mutating endpoints need the start-up token when one is set (always when bound off loopback); a blank token is none.</summary>
internal sealed class TokenFilter(string? token) : IEndpointFilter
{
    private readonly string? _token = Security.DashboardToken.Normalize(token);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_token is null) return next(context);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (Security.DashboardToken.Matches(_token, header)) return next(context);
        var message = string.IsNullOrEmpty(Security.DashboardToken.Given(header))
            ? "this dashboard requires a token to start or cancel runs: send 'Authorization: Bearer <token>' with the token given "
                + "to 'silo serve --token'"
            : "the token in 'Authorization: Bearer …' does not match the one given to 'silo serve --token'";
        return ValueTask.FromResult<object?>(ApiProblemFilter.Error(StatusCodes.Status401Unauthorized, message));
    }
}
