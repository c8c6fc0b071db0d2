using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TokenEconSim.Hosting.Cluster;

namespace TokenEconSim.Hosting.Engines;

/// <summary>
/// The embedded default (docs/model.md §16): one process, localhost clustering, in-memory storage, no
/// server to install. Ports are picked free at start so that several runs can share a machine.
/// </summary>
public static class EmbeddedSilo
{
    public static Task<IHost> StartAsync(CancellationToken ct) => StartAsync(ClusterSettings.Embedded, ct);

    /// <summary>A silo in this process with <paramref name="settings"/> (memory or PostgreSQL storage, localhost or PostgreSQL membership).</summary>
    public static async Task<IHost> StartAsync(ClusterSettings settings, CancellationToken ct)
    {
        if (settings.NeedsDatabase) await PostgresDatabase.CheckAsync(settings.Connection!, ct);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Not the default console lifetime: it would stop this silo on Ctrl+C/SIGTERM under the run, which
        // must instead stop between epochs and keep its checkpoint (the command line's ShutdownSignals) before the silo goes.
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        OrleansSetup.ConfigureLogging(builder.Logging);
        builder.UseOrleans(silo => OrleansSetup.ConfigureSilo(silo, settings, FreePort(), FreePort()));
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A host whose caller decides when it stops: no signal handlers of its own.</summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
