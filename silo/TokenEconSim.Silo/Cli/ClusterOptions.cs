using System.CommandLine;
using TokenEconSim.Hosting.Cluster;

namespace TokenEconSim.Silo.Cli;

/// <summary>--storage, --cluster and --connection, shared by run, resume, host, sweep and tune (docs/cluster.md).</summary>
public sealed class ClusterOptions
{
    public Option<string?> Storage { get; } = new("--storage") { Description = "Grain storage: memory (default) or postgres" };
    public Option<string?> Cluster { get; } =
        new("--cluster") { Description = "Membership: localhost (default, one process) or postgres (join the silos of a PostgreSQL cluster)" };
    public Option<string?> Connection { get; } =
        new("--connection") { Description = "Npgsql connection string, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Database=tokeneconsim\"" };

    public void AddTo(Command command)
    {
        command.Options.Add(Storage);
        command.Options.Add(Cluster);
        command.Options.Add(Connection);
    }

    /// <summary>Flags, else environment, else appsettings.json, else the embedded default; bad values exit 2.</summary>
    public ClusterSettings Resolve(ParseResult parse) =>
        ClusterSettings.Resolve(parse.GetValue(Storage), parse.GetValue(Cluster), parse.GetValue(Connection));
}
