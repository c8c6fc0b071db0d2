using System.CommandLine;
using Microsoft.Extensions.Hosting;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Engines;

namespace TokenEconSim.Silo.Cli;

/// <summary>
/// `silo host`: one silo of a cluster, running until stopped (Ctrl+C, SIGTERM). With --cluster
/// postgres, silos on different ports (or machines) join one cluster; `silo run --cluster postgres`
/// then runs scenarios across them.
/// </summary>
public static class HostCommand
{
    public static Command Create()
    {
        var options = new ClusterOptions();
        var port = IntegerOption.Optional("--port", "Silo-to-silo port (default: a free one)", 1, 65535);
        var gatewayPort = IntegerOption.Optional("--gateway-port", "Client gateway port (default: a free one)", 1, 65535);
        var address = new Option<string>("--address")
        {
            Description = "Address other silos and clients reach this silo at",
            DefaultValueFactory = _ => "127.0.0.1"
        };
        var command = new Command("host", "Run one silo until stopped (use --cluster postgres to join a multi-silo cluster)") { port,
            gatewayPort, address };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var settings = options.Resolve(parse);
            if (settings.NeedsDatabase) await PostgresDatabase.CheckAsync(settings.Connection!, ct);
            var (siloPort, gateway) = (parse.GetValue(port) ?? EmbeddedSilo.FreePort(), parse.GetValue(gatewayPort) ?? EmbeddedSilo.FreePort());
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            OrleansSetup.ConfigureLogging(builder.Logging);
            builder.UseOrleans(silo => OrleansSetup.ConfigureSilo(silo, settings, siloPort, gateway, parse.GetValue(address)!));
            using var host = builder.Build();
            await host.StartAsync(ct);
            Console.WriteLine($"silo up: cluster '{settings.ClusterId}' ({settings.Cluster.ToString().ToLowerInvariant()} membership, "
                + $"{settings.Storage.ToString().ToLowerInvariant()} storage), silo port {siloPort}, gateway port {gateway}");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: leave the cluster cleanly.
            }
            await host.StopAsync(TimeSpan.FromSeconds(10));
            return ExitCodes.Success;
        });
        return command;
    }
}
