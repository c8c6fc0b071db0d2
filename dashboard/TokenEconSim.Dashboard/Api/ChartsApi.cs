using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Dashboard.Api;

/// <summary>One series of a run-page chart: the metrics.csv column it draws and how.</summary>
public sealed record ChartSeriesSpec(string Col, string Label, int Axis, double Scale, bool WhenFilled);

/// <summary>A run-page chart as wwwroot/common.js's MetricChart takes it.</summary>
public sealed record ChartSpec(string Key, string Title, string Y, string? Y2, double[]? Range, bool WhenFilled,
    IReadOnlyList<ChartSeriesSpec> Series);

/// <summary>/api/charts: the run page's charts, from the metric declarations (<see cref="ChartGroups.Browser"/>).</summary>
internal static class ChartsApi
{
    public static IReadOnlyList<ChartSpec> Specs { get; } = [.. ChartGroups.Browser.All.Select(Spec)];

    public static void Map(RouteGroupBuilder api) => api.MapGet("/charts", () => TypedResults.Ok(Specs));

    private static ChartSpec Spec(ChartGroup chart) => new(chart.Key, chart.Title, chart.YLabel, chart.Y2Label, chart.Range, chart.WhenFilled,
        [.. chart.Members().Select(m => new ChartSeriesSpec(m.Column.Name, m.Seat.Label, m.Seat.RightAxis ? 2 : 1, m.Seat.Scale,
            m.Seat.WhenFilled))]);
}
