using System.Net.Sockets;
using System.Reflection;
using Npgsql;

namespace TokenEconSim.Hosting.Cluster;

/// <summary>
/// The project's PostgreSQL schema (Database/postgresql.sql) and the checks that make a bad
/// database fail in seconds with a readable message, before Orleans starts (whose providers would
/// otherwise retry, or fail inside silo start-up with a long stack trace).
/// </summary>
public static class PostgresDatabase
{
    /// <summary>The queries Orleans' clustering and persistence providers read from OrleansQuery.</summary>
    public static readonly string[] RequiredQueries =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "GatewaysQueryKey", "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
    ];

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static string SchemaSql()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("postgresql.sql")
            ?? throw new InvalidOperationException("the PostgreSQL schema is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Applies the schema (idempotent: tables if missing, queries replaced).</summary>
    public static async Task InitAsync(string connection, CancellationToken ct)
    {
        await using var db = await OpenAsync(connection, ct);
        await using var command = new NpgsqlCommand(SchemaSql(), db);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Fails with <see cref="DatabaseUnavailableException"/> unless the server answers and holds the schema.</summary>
    public static async Task CheckAsync(string connection, CancellationToken ct)
    {
        await using var db = await OpenAsync(connection, ct);
        var present = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", db);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) present.Add(reader.GetString(0));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new DatabaseUnavailableException($"database '{db.Database}' has no TokenEconSim schema (table OrleansQuery is missing): "
                + "run `silo db init --connection …` first");
        }
        var missing = RequiredQueries.Where(q => !present.Contains(q)).ToArray();
        if (missing.Length > 0)
            throw new DatabaseUnavailableException($"database '{db.Database}' lacks the queries {string.Join(", ", missing)}: run `silo db init "
                + "--connection …`");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connection, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        if (builder.Timeout <= 0 || builder.Timeout > ConnectTimeout.TotalSeconds) builder.Timeout = (int)ConnectTimeout.TotalSeconds;
        var db = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(ConnectTimeout + TimeSpan.FromSeconds(1));
            await db.OpenAsync(deadline.Token);
            return db;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await db.DisposeAsync();
            var reason = e is PostgresException p ? p.MessageText : e.InnerException?.Message ?? e.Message;
            throw new DatabaseUnavailableException($"cannot connect to PostgreSQL at {builder.Host}:{builder.Port} (database "
                + $"'{builder.Database}'): {reason}");
        }
    }
}

/// <summary>The database cannot be used (unreachable, refused, no schema): a message for the user, exit 1.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
