using System.CommandLine;
using TokenEconSim.Hosting.Cluster;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo db init --connection …`: applies the PostgreSQL schema (idempotent) and checks it.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var connection =
            new Option<string?>("--connection") { Description = "Npgsql connection string (else TOKENECONSIM__CONNECTION or appsettings.json)" };
        var init = new Command("init", "Create the tables and named queries Orleans' ADO.NET providers use (safe to repeat)") { connection };
        init.SetAction(async (parse, ct) =>
        {
            var settings = ClusterSettings.Resolve("postgres", null, parse.GetValue(connection));
            await PostgresDatabase.InitAsync(settings.Connection!, ct);
            await PostgresDatabase.CheckAsync(settings.Connection!, ct);
            Console.WriteLine($"schema ready: {PostgresDatabase.RequiredQueries.Length} queries in OrleansQuery");
            return ExitCodes.Success;
        });
        return new Command("db", "PostgreSQL schema for clustering and persistence") { init };
    }
}
