using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using TokenEconSim.Dashboard;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Silo.Cluster;
using TokenEconSim.Silo.Engines;

namespace TokenEconSim.Silo.Serve;

/// <summary>
/// One process hosting the silo and the web dashboard (`serve`, docs/model.md §16, docs/dashboard.md): the embedded silo, the
/// dashboard's pages and API, Prometheus' /metrics, and Orleans' own dashboard under /orleans/.
/// </summary>
public static class ServeHost
{
    public const string OrleansDashboardPath = "/orleans";

    public static WebApplication Build(ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Orleans' start-up notes (ServerGC, watchdog) are warnings that say nothing about a run.
        builder.Logging.AddFilter((category, level) => level >= (category?.StartsWith("Orleans", StringComparison.Ordinal) == true ? LogLevel.Error : LogLevel.Warning));
        builder.UseOrleans(silo =>
        {
            OrleansSetup.ConfigureSilo(silo, options.Cluster, EmbeddedSilo.FreePort(), EmbeddedSilo.FreePort(), options.SiloAddress);
            silo.AddDashboard();
        });
        builder.Services.AddTokenEconSimDashboard(d =>
        {
            d.ScenariosFolder = options.ScenariosFolder;
            d.RunsFolder = options.RunsFolder;
            d.SweepsFolder = options.SweepsFolder;
            d.Token = options.Token;
            d.OrleansDashboardPath = OrleansDashboardPath + "/";
        });
        builder.Services.AddSingleton<IRunLauncher>(sp => new ExecutorLauncher(sp.GetRequiredService<IGrainFactory>(), options.RunsFolder));
        var app = builder.Build();
        app.MapTokenEconSimDashboard();
        app.MapOrleansDashboard(routePrefix: OrleansDashboardPath);
        return app;
    }

    /// <summary>The address actually bound (the port is chosen by the system when asked for 0).</summary>
    public static string BoundUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
