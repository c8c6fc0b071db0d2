using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TokenEconSim.Dashboard.Sweeps;

namespace TokenEconSim.Dashboard.Api;

/// <summary>/api/sweeps: sweep folders, one sweep's points table, and its ternary chart PNGs.</summary>
internal static class SweepsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sweeps", (SweepFolders sweeps) => TypedResults.Ok(sweeps.List()));
        api.MapGet("/sweeps/{id}", (string id, SweepFolders sweeps) =>
            TypedResults.Ok(sweeps.Find(id) ?? throw ApiProblem.NotFound($"sweep '{id}' not found")));
        api.MapGet("/sweeps/{id}/charts/{file}", (string id, string file, SweepFolders sweeps) =>
            TypedResults.PhysicalFile(sweeps.Chart(id, file) ?? throw ApiProblem.NotFound($"chart '{file}' not found in sweep '{id}'"), "image/png"));
    }
}
