using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace TokenEconSim.Dashboard.Api;

/// <summary>/api/scenarios: the files the start page offers, relative to scenarios/.</summary>
internal static class ScenariosApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/scenarios", (IOptions<DashboardOptions> options) => TypedResults.Ok(List(options.Value.ScenariosFolder)));

    private static List<string> List(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }
}
