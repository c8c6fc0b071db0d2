using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TokenEconSim.Dashboard.Api;
using TokenEconSim.Dashboard.Pages;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Dashboard.Sweeps;
using TokenEconSim.Dashboard.Telemetry;

namespace TokenEconSim.Dashboard;

/// <summary>How a host wires the dashboard in: services.AddTokenEconSimDashboard(…) and app.MapTokenEconSimDashboard().</summary>
public static class DashboardExtensions
{
    /// <summary>Orleans' own meter: exported beside the simulation's.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The dashboard's services and OpenTelemetry metrics; the host also registers an <see cref="IRunLauncher"/>.</summary>
    public static IServiceCollection AddTokenEconSimDashboard(this IServiceCollection services, Action<DashboardOptions> configure)
    {
        services.Configure(configure);
        services.AddSingleton<SimulationMeters>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return new RunAdmission(o.MemoryBudgetBytes, o.MaxRunningRuns);
        });
        services.AddSingleton<LiveRuns>();
        services.AddSingleton<RunCatalog>();
        services.AddSingleton(sp => new SweepFolders(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.SweepsFolder));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tokeneconsim"))
            .WithMetrics(m => m.AddMeter(SimulationMeters.MeterName, OrleansMeter).AddPrometheusExporter());
        return services;
    }

    /// <summary>Pages at /, /runs/{id}, /compare, /start, /sweeps; JSON under /api; Prometheus at /metrics.</summary>
    public static RouteGroupBuilder MapTokenEconSimDashboard(this IEndpointRouteBuilder endpoints)
    {
        // Measurements taken before the meter provider exists are lost: build it before any run starts.
        endpoints.ServiceProvider.GetRequiredService<MeterProvider>();
        endpoints.ServiceProvider.GetRequiredService<SimulationMeters>();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value;
        endpoints.MapPrometheusScrapingEndpoint();
        PageEndpoints.Map(endpoints);
        var api = endpoints.MapGroup("/api").AddEndpointFilter<ApiProblemFilter>();
        api.MapGet("/info", () => TypedResults.Ok(new
        {
            orleansDashboard = options.OrleansDashboardPath,
            tokenRequired = Security.DashboardToken.Normalize(options.Token) is not null
        }));
        RunsApi.Map(api, options.Token);
        ChartsApi.Map(api);
        ScenariosApi.Map(api);
        SweepsApi.Map(api);
        return api;
    }
}
