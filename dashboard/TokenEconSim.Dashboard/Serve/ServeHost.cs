using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Dashboard.Security;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Dashboard.Serve;

/// <summary>
/// One process hosting the silo and the web dashboard (`serve`, docs/model.md §16, docs/dashboard.md): the embedded silo, the
/// dashboard's pages and API, Prometheus' /metrics, and Orleans' own dashboard under /orleans/.
/// </summary>
public static class ServeHost
{
    public const string OrleansDashboardPath = "/orleans";

    /// <param name="wrapLauncher">Wraps the launcher the runs go through (a test holds a run at an epoch this way); none by default.</param>
    public static WebApplication Build(ServeOptions options, Func<IRunLauncher, IRunLauncher>? wrapLauncher = null)
    {
        var token = DashboardToken.Normalize(options.Token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Url);
        // Above the guards' limits (RequestGuards), so that they answer with a JSON body before Kestrel answers with none.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = 8 * RequestGuards.MaxTargetBytes;
            k.Limits.MaxRequestHeadersTotalSize = 4 * RequestGuards.MaxHeaderBytes;
            k.Limits.MaxRequestHeaderCount = 4 * RequestGuards.MaxHeaderCount;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Orleans' start-up notes (ServerGC, watchdog) are warnings that say nothing about a run.
        builder.Logging.AddFilter((category, level) =>
            level >= (category?.StartsWith("Orleans", StringComparison.Ordinal) == true ? LogLevel.Error : LogLevel.Warning));
        // The host logs a failure to start with its stack trace; serve reports it in one line (a port in use: exit 2).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.UseOrleans(silo =>
        {
            OrleansSetup.ConfigureSilo(silo, options.Cluster, EmbeddedSilo.FreePort(), EmbeddedSilo.FreePort(), options.SiloAddress);
            silo.AddDashboard();
        });
        // DNS rebinding: a page of another site whose name resolves to this address is refused by its
        // Host header, by the host filtering the web host runs first (these are its options).
        builder.Services.AddOutermostGuards(token, OrleansDashboardPath);
        builder.Services.AddHostFiltering(h =>
        {
            h.AllowedHosts = [.. options.AllowedHosts()];
            h.AllowEmptyHosts = false;
            h.IncludeFailureMessage = false; // the status-code page gives the JSON body
        });
        builder.Services.AddTokenEconSimDashboard(d =>
        {
            d.ScenariosFolder = options.ScenariosFolder;
            d.RunsFolder = options.RunsFolder;
            d.SweepsFolder = options.SweepsFolder;
            d.Token = token;
            d.OrleansDashboardPath = OrleansDashboardPath + "/";
            if (options.MemoryBudgetBytes is { } budget) d.MemoryBudgetBytes = budget;
            if (options.MaxRunningRuns is { } max) d.MaxRunningRuns = max;
        });
        builder.Services.AddSingleton<IRunLauncher>(sp =>
        {
            var launcher = new ExecutorLauncher(sp.GetRequiredService<IGrainFactory>(), options.RunsFolder);
            return wrapLauncher is null ? launcher : wrapLauncher(launcher);
        });
        var app = builder.Build();
        app.MapTokenEconSimDashboard();
        app.MapOrleansDashboard(routePrefix: OrleansDashboardPath);
        return app;
    }

    /// <summary>The address actually bound (the port is chosen by the system when asked for 0).</summary>
    public static string BoundUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
