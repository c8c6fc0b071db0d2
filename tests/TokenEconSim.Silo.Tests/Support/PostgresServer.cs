using System.Diagnostics;
using Npgsql;

[assembly: AssemblyFixture(typeof(TokenEconSim.Silo.Tests.Support.PostgresServer))]

namespace TokenEconSim.Silo.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 for the cluster tests: the one tests/run started (TOKENECONSIM_TEST_POSTGRES),
/// else a throw-away server from tests/infra/postgres.sh for this test process, stopped at the end.
/// Each test takes its own database, so tests never see each other's tables.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _connection;
    private string? _ownFolder;
    private int _databases;

    public async ValueTask InitializeAsync() => await Task.CompletedTask;

    /// <summary>A connection string to a new, empty database.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var server = await ServerAsync();
        // At most 1 + 10 + 1 + 10 + 1 + 16 = 39 characters, under PostgreSQL's 63, whatever the process id's length
        // (slicing a fixed 40 off a name that held the pid failed whenever the pid had fewer than 4 digits).
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..16]}";
        await using (var db = new NpgsqlConnection(server))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", db);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>A new database with the schema applied by `silo db init`.</summary>
    public async Task<string> NewDatabaseWithSchemaAsync()
    {
        var connection = await NewDatabaseAsync();
        CliAssert.Exit(0, await SiloCli.InvokeAsync("db", "init", "--connection", connection));
        return connection;
    }

    private async Task<string> ServerAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_connection is not null) return _connection;
            var shared = Environment.GetEnvironmentVariable("TOKENECONSIM_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(shared)) return _connection = shared;
            var lines = await Script("start");
            (_ownFolder, _connection) = (lines[0], lines[1]);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<string[]> Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repo.Root, "tests", "infra", "postgres.sh"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"tests/infra/postgres.sh {string.Join(' ', args)} failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownFolder is not null) await Script("stop", _ownFolder);
    }
}
