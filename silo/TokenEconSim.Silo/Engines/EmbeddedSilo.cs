using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using TokenEconSim.Grains;

namespace TokenEconSim.Silo.Engines;

/// <summary>
/// The embedded default (SPEC §11): one process, localhost clustering, in-memory storage, no
/// server to install. Ports are picked free at start so that several runs can share a machine.
/// </summary>
public static class EmbeddedSilo
{
    public static async Task<IHost> StartAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans logs its own errors with stack traces (e.g. a start cancelled by Ctrl+C). A run's
        // failures reach the user as one message through the CLI; the log is for debugging only.
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TOKENECONSIM_DEBUG") == "1")
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        builder.UseOrleans(Configure);
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    /// <summary>The embedded silo's configuration; `silo serve` hosts the same silo in its web host.</summary>
    public static void Configure(ISiloBuilder silo)
    {
        silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "tokeneconsim", clusterId: "embedded");
        silo.AddMemoryGrainStorageAsDefault();
        // A coordinator call runs whole epochs; a large population can take longer than the 30 s default.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
        silo.Services.AddTokenEconSim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
