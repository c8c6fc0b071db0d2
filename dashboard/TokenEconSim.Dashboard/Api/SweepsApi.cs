using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TokenEconSim.Dashboard.Sweeps;
using TokenEconSim.Results;

namespace TokenEconSim.Dashboard.Api;

/// <summary>/api/sweeps: sweep folders, one sweep's design and tables (points, sensitivity, Pareto front), and its chart PNGs.</summary>
internal static class SweepsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sweeps", (SweepFolders sweeps) => TypedResults.Ok(sweeps.List()));
        api.MapGet("/sweeps/{id}", (string id, SweepFolders sweeps) =>
            TypedResults.Ok(sweeps.Find(id) ?? throw NotFound(id)));
        // The raw tables behind the page: sweep.json to read, points.csv to download.
        api.MapGet("/sweeps/{id}/" + RunFiles.SweepReport, (string id, SweepFolders sweeps) =>
            TypedResults.PhysicalFile(sweeps.Table(id, RunFiles.SweepReport) ?? throw NotFound(id), "application/json; charset=utf-8"));
        api.MapGet("/sweeps/{id}/" + RunFiles.SweepPoints, (string id, SweepFolders sweeps) =>
            TypedResults.PhysicalFile(sweeps.Table(id, RunFiles.SweepPoints) ?? throw NotFound(id), "text/csv; charset=utf-8",
                $"{id}-{RunFiles.SweepPoints}"));
        foreach (var table in new[] { RunFiles.SweepSensitivity, RunFiles.Pareto })
            api.MapGet("/sweeps/{id}/" + table, (string id, SweepFolders sweeps) =>
                TypedResults.PhysicalFile(sweeps.Table(id, table) ?? throw NotFound(id, table), "text/csv; charset=utf-8", $"{id}-{table}"));
        api.MapGet("/sweeps/{id}/charts/{file}", (string id, string file, SweepFolders sweeps) =>
            TypedResults.PhysicalFile(sweeps.Chart(id, file) ?? throw ApiProblem.NotFound($"chart '{file}' not found in sweep '{id}'"), "image/png"));
    }

    private static ApiProblem NotFound(string id, string table) =>
        ApiProblem.NotFound($"no {table} in sweep '{Security.JsonErrors.Shorten(id)}' (sobol and morris sweeps write sensitivity.csv, a "
            + "pareto tune pareto.csv)");

    private static ApiProblem NotFound(string id) => ApiProblem.NotFound($"sweep '{Security.JsonErrors.Shorten(id)}' not found");
}
