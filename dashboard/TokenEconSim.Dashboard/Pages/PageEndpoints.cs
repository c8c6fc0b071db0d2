using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace TokenEconSim.Dashboard.Pages;

/// <summary>
/// The pages and their scripts, embedded in this assembly (wwwroot/, with uPlot copied in from npm by
/// the build), so the host serves them from wherever it runs without a content folder.
/// </summary>
internal static class PageEndpoints
{
    private static readonly Assembly Assembly = typeof(PageEndpoints).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        Page(endpoints, "/", "index.html");
        Page(endpoints, "/runs/{id}", "run.html");
        Page(endpoints, "/compare", "compare.html");
        Page(endpoints, "/start", "start.html");
        Page(endpoints, "/sweeps", "sweeps.html");
        endpoints.MapGet("/assets/{**path}", (string path) => Asset(path) ?? Results.NotFound());
    }

    private static void Page(IEndpointRouteBuilder endpoints, string route, string file) =>
        endpoints.MapGet(route, () => Asset(file)!);

    private static IResult? Asset(string path)
    {
        var stream = Assembly.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null) return null;
        var type = ContentTypes.TryGetContentType(path, out var t) ? t : "application/octet-stream";
        return TypedResults.Stream(stream, type);
    }
}
