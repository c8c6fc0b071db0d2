using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using TokenEconSim.Hosting;
using TokenEconSim.Dashboard.Security;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Dashboard.Serve;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo serve`: the silo and the browser dashboard in one process, on 127.0.0.1 unless told otherwise.</summary>
public static class ServeCommand
{
    public const string TokenVariable = "TOKENECONSIM_DASHBOARD_TOKEN";

    public static Command Create()
    {
        var defaults = new ServeOptions();
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on; anything but loopback needs --token",
            DefaultValueFactory = _ => defaults.Host
        };
        var port = IntegerOption.Create("--port", "Port to listen on (0: any free port)", defaults.Port, 0, 65535);
        var token = new Option<string?>("--token") { Description = $"Token that starting and cancelling runs require (default: ${TokenVariable})" };
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "Folder of scenario files the start page offers",
            DefaultValueFactory = _ => defaults.ScenariosFolder
        };
        var runs = new Option<string>("--runs")
        {
            Description = "Folder of results folders (read, and written by runs started here)",
            DefaultValueFactory = _ => defaults.RunsFolder
        };
        var sweeps = new Option<string>("--sweeps") { Description = "Folder of sweep folders", DefaultValueFactory = _ => defaults.SweepsFolder };
        var budget = IntegerOption.Create("--memory-budget",
            "MiB the dashboard's runs may take together, by their estimate (0: half of this machine's memory)", 0, 0);
        var maxRuns = IntegerOption.Create("--max-runs", "Runs in progress at once; more are refused (0: two per core)", 0, 0);
        var allowedHosts = new Option<string[]>("--allowed-hosts")
        {
            Description =
                "Host names other machines reach this one by (the Host header answered besides --host; needed with --host 0.0.0.0 to refuse others)",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        var command = new Command("serve", "Host the silo and the browser dashboard (live runs, comparison, Prometheus /metrics, Orleans' dashboard)")
            { host, port, token, scenarios, runs, sweeps, budget, maxRuns, allowedHosts };
        var cluster = new ClusterOptions();
        cluster.AddTo(command);
        var address = new Option<string>("--address")
        {
            Description = "Address other silos reach this silo at (with --cluster postgres)",
            DefaultValueFactory = _ => "127.0.0.1"
        };
        command.Options.Add(address);
        command.SetAction(async (parse, ct) =>
        {
            var options = new ServeOptions(parse.GetValue(host)!, parse.GetValue(port),
                // An empty or blank token is no token: it would let anyone in.
                DashboardToken.Normalize(parse.GetValue(token)) ?? DashboardToken.Normalize(Environment.GetEnvironmentVariable(TokenVariable)),
                parse.GetValue(scenarios)!, parse.GetValue(runs)!, parse.GetValue(sweeps)!)
            {
                Cluster = cluster.Resolve(parse),
                SiloAddress = parse.GetValue(address)!,
                MemoryBudgetBytes = parse.GetValue(budget) is > 0 and var mib ? (long)mib << 20 : null,
                MaxRunningRuns = parse.GetValue(maxRuns) is > 0 and var max ? max : null,
                ExtraAllowedHosts = [.. parse.GetValue(allowedHosts)!.SelectMany(h => h.Split(',',
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            };
            Validate(options);
            if (options.Cluster.NeedsDatabase) await PostgresDatabase.CheckAsync(options.Cluster.Connection!, ct);
            await using var app = ServeHost.Build(options);
            await StartAsync(app, options, ct);
            var url = ServeHost.BoundUrl(app);
            Console.WriteLine($"dashboard: {url}/");
            Console.WriteLine($"Orleans dashboard: {url}{ServeHost.OrleansDashboardPath}/   Prometheus: {url}/metrics");
            Console.WriteLine("Ctrl+C stops the server.");
            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: a normal stop.
            }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Starts listening; an address that cannot be listened on (a port in use) is bad input, named.</summary>
    private static async Task StartAsync(Microsoft.AspNetCore.Builder.WebApplication app, ServeOptions o, CancellationToken ct)
    {
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new BadInputException($"--port {o.Port}: port {o.Port} on {o.Host} is already in use by another program; choose another with "
                + "--port (0: any free port)");
        }
        catch (IOException e)
        {
            throw new BadInputException($"--host {o.Host} --port {o.Port}: cannot listen there: {(e.InnerException ?? e).Message}");
        }
    }

    private static void Validate(ServeOptions o)
    {
        if (o.HostProblem() is { } problem) throw new BadInputException(problem);
        if (!o.IsLoopback && o.Token is null)
            throw new BadInputException($"--host {o.Host}: other machines could start and cancel runs; give a token with --token (or "
                + $"${TokenVariable}; an empty or blank one is no token), or listen on 127.0.0.1");
        if (!Directory.Exists(o.ScenariosFolder)) throw new BadInputException($"--scenarios {o.ScenariosFolder}: folder not found");
    }

}
