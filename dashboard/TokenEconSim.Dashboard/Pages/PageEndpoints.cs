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
        Page(endpoints, "/", "index.html", "Runs");
        Page(endpoints, "/runs/{id}", "run.html", "Run");
        Page(endpoints, "/compare", "compare.html", "Compare");
        Page(endpoints, "/start", "start.html", "Start a run");
        Page(endpoints, "/sweeps", "sweeps.html", "Sweeps");
        endpoints.MapGet("/assets/{**path}", (string path) => Asset(path) ?? Microsoft.AspNetCore.Http.Results.NotFound());
    }

    /// <summary>
    /// A page is its body (wwwroot/&lt;file&gt;) inside layout.html, which holds the head every page
    /// shares (styles, uPlot, common.js): composed once here, not per request.
    /// </summary>
    private static void Page(IEndpointRouteBuilder endpoints, string route, string file, string title)
    {
        var html = Text("layout.html").Replace("{{title}}", title, StringComparison.Ordinal).Replace("{{body}}", Text(file),
            StringComparison.Ordinal);
        endpoints.MapGet(route, () => TypedResults.Content(html, "text/html"));
    }

    private static string Text(string file)
    {
        using var reader = new StreamReader(Assembly.GetManifestResourceStream("wwwroot/" + file)
            ?? throw new InvalidOperationException($"wwwroot/{file} is not embedded in {Assembly.GetName().Name}"));
        return reader.ReadToEnd();
    }

    private static IResult? Asset(string path)
    {
        var stream = Assembly.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null) return null;
        var type = ContentTypes.TryGetContentType(path, out var t) ? t : "application/octet-stream";
        return TypedResults.Stream(stream, type);
    }
}
