using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using TokenEconSim.Grains;

namespace TokenEconSim.Hosting.Cluster;

/// <summary>One place that turns <see cref="ClusterSettings"/> into Orleans silo and client configuration.</summary>
public static class OrleansSetup
{
    /// <summary>
    /// Clustering, storage and the TokenEconSim services of a silo listening on <paramref name="siloPort"/>/<paramref name="gatewayPort"/>.
    /// </summary>
    public static void ConfigureSilo(ISiloBuilder silo, ClusterSettings settings, int siloPort, int gatewayPort, string address = "127.0.0.1")
    {
        if (settings.Cluster == MembershipKind.Postgres)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ClusterSettings.ServiceId));
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterSettings.Invariant, settings.Connection));
            var loopback = IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: !loopback);
            // A killed silo is declared dead after ~2 missed probes of 2 s (defaults: 3 × 5 s), so a
            // run continues on the survivors within seconds (docs/cluster.md, failure behaviour).
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
            });
            // Shards spread over the cluster through [RandomPlacement] on AgentShardGrain (in every
            // cluster, the test cluster included); other grains keep Orleans' default placement.
        }
        else
        {
            silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: gatewayPort, serviceId: ClusterSettings.ServiceId, clusterId: "embedded");
        }
        if (settings.Storage == StorageKind.Postgres)
            silo.AddAdoNetGrainStorageAsDefault(o => (o.Invariant, o.ConnectionString) = (ClusterSettings.Invariant, settings.Connection));
        else
            silo.AddMemoryGrainStorageAsDefault();
        silo.Services.AddTokenEconSim();
    }

    /// <summary>A client of the PostgreSQL-membership cluster named by <paramref name="settings"/>.</summary>
    public static void ConfigureClient(IClientBuilder client, ClusterSettings settings)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ClusterSettings.ServiceId));
        client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterSettings.Invariant, settings.Connection));
        client.Services.AddTokenEconSim();
    }

    /// <summary>Orleans logs its own errors with stack traces; the CLI reports failures in one line. TOKENECONSIM_DEBUG=1 shows warnings.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TOKENECONSIM_DEBUG") != "1") return;
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.AddFilter((_, level) => level >= LogLevel.Warning);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>Starts a client host connected to the cluster; fails with a readable message if no silo answers.</summary>
    public static async Task<IHost> StartClientAsync(ClusterSettings settings, CancellationToken ct)
    {
        await PostgresDatabase.CheckAsync(settings.Connection!, ct);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ConfigureLogging(builder.Logging);
        builder.UseOrleansClient(client => ConfigureClient(client, settings));
        var host = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await host.StartAsync(deadline.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is OperationCanceledException or OrleansException or SiloUnavailableException)
        {
            host.Dispose();
            throw new DatabaseUnavailableException($"no silo of cluster '{settings.ClusterId}' answered within 30 s (start some with `silo host "
                + $"--cluster postgres …`): {e.Message}");
        }
        return host;
    }
}
