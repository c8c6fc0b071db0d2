using Microsoft.Extensions.Configuration;
using Npgsql;
using TokenEconSim.Hosting;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// The PostgreSQL schema against a real server, and bad databases failing fast: a malformed
/// connection string is bad input (exit 2); an unreachable server or a database without the schema
/// is exit 1 within seconds; never a stack trace.
/// </summary>
public sealed class PostgresConfigurationTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task DbInitIsIdempotentAndInstallsEveryQueryTheProvidersRead()
    {
        var connection = await postgres.NewDatabaseAsync();
        var first = await SiloCli.InvokeAsync("db", "init", "--connection", connection);
        var second = await SiloCli.InvokeAsync("db", "init", "--connection", connection);
        CliAssert.Exit(0, first);
        CliAssert.Exit(0, second);
        Assert.Contains("schema ready: 12 queries", second.Out);

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var read = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", db);
        var keys = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) keys.Add(reader.GetString(0));
        Assert.Equal(PostgresDatabase.RequiredQueries.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task ARunWithPostgresStorageWritesItsCheckpointRowAndTheEmbeddedBytes()
    {
        var connection = await postgres.NewDatabaseWithSchemaAsync();
        string[] args = ["run", Repo.Scenario("baseline.yaml"), "--epochs", "6", "--checkpoint-every", "3", "--quiet", "--set",
            "outputs.charts=false", .. Populations.Small];
        var withPostgres = await SiloCli.InvokeAsync([.. args, "--out", _dir.Sub("pg"), "--storage", "postgres", "--connection", connection]);
        var embedded = await SiloCli.InvokeAsync([.. args, "--out", _dir.Sub("memory")]);
        CliAssert.Exit(0, withPostgres);
        CliAssert.Exit(0, embedded);
        Assert.Equal(File.ReadAllBytes(Path.Combine(withPostgres.ResultsFolder, "metrics.csv")),
            File.ReadAllBytes(Path.Combine(embedded.ResultsFolder, "metrics.csv")));

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var rows =
            new NpgsqlCommand("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'checkpoint' AND length(PayloadBinary) > 1000", db);
        Assert.Equal(1L, await rows.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Hst=127.0.0.1", "--connection: not a valid PostgreSQL connection string")]
    [InlineData("Port=5432;Username=postgres", "names no Host")]
    public async Task AMalformedConnectionStringIsBadInput(string connection, string message)
    {
        var result = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--storage", "postgres", "--connection", connection, "--out",
            _dir.Sub("runs"), "--quiet");
        CliAssert.Exit(2, result);
        Assert.Contains(message, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.False(Directory.Exists(_dir.Sub("runs")) && Directory.EnumerateFileSystemEntries(_dir.Sub("runs")).Any());
    }

    [Theory]
    [InlineData("run", "--storage", "pg", "--storage: 'pg' is not one of memory, postgres")]
    [InlineData("run", "--cluster", "zookeeper", "--cluster: 'zookeeper' is not one of localhost, postgres")]
    [InlineData("run", "--storage", "postgres", "PostgreSQL needs a connection string")]
    [InlineData("host", "--cluster", "postgres", "PostgreSQL needs a connection string")]
    public async Task BadClusterFlagsAreBadInput(string command, string flag, string value, string message)
    {
        string[] args = command == "run" ? ["run", Repo.Scenario("baseline.yaml"), "--out", _dir.Sub("runs"), "--quiet", flag,
            value] : [command, flag, value];
        var result = await SiloCli.InvokeAsync(args);
        CliAssert.Exit(2, result);
        Assert.Contains(message, result.Err);
    }

    [Fact]
    public async Task AnUnreachableServerFailsAtItsFirstRefusal()
    {
        // Not timed (the in-process CLI may first wait for another test's invocation): what makes it quick
        // is asserted instead — the one bounded connection check before any silo starts (its message, not
        // Orleans' retries) ended on the server's refusal, not on a timeout.
        var port = ClosedPort();
        var result = await SiloCli.InvokeAsync("run", Repo.Scenario("baseline.yaml"), "--storage", "postgres",
            "--connection", $"Host=127.0.0.1;Port={port};Username=postgres;Database=x", "--out", _dir.Sub("runs"), "--quiet");
        CliAssert.Exit(1, result);
        Assert.Contains($"cannot connect to PostgreSQL at 127.0.0.1:{port} (database 'x'): ", result.Err);
        Assert.Contains("refused", result.Err, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Err);
        CliAssert.NothingWritten(_dir.Sub("runs"));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("host")]
    public async Task ADatabaseWithoutTheSchemaFailsAndSaysDbInit(string command)
    {
        var connection = await postgres.NewDatabaseAsync();
        string[] args = command == "run"
            ? ["run", Repo.Scenario("baseline.yaml"), "--storage", "postgres", "--connection", connection, "--out", _dir.Sub("runs"), "--quiet"]
            : ["host", "--cluster", "postgres", "--connection", connection];
        var result = await SiloCli.InvokeAsync(args);
        CliAssert.Exit(1, result);
        Assert.Contains("has no TokenEconSim schema", result.Err);
        Assert.Contains("silo db init", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void SettingsComeFromFlagsThenConfigurationThenTheEmbeddedDefault()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TokenEconSim:Storage"] = "postgres",
            ["TokenEconSim:Connection"] = "Host=db;Database=tokeneconsim",
            ["TokenEconSim:ClusterId"] = "lab",
        }).Build();
        var fromConfiguration = ClusterSettings.Resolve(null, null, null, configuration);
        Assert.Equal(new ClusterSettings(StorageKind.Postgres, MembershipKind.Localhost, "Host=db;Database=tokeneconsim", "lab"), fromConfiguration);
        var flagsWin = ClusterSettings.Resolve("memory", "postgres", "Host=other", configuration);
        Assert.Equal(new ClusterSettings(StorageKind.Memory, MembershipKind.Postgres, "Host=other", "lab"), flagsWin);
        var empty = new ConfigurationBuilder().Build();
        Assert.Equal(ClusterSettings.Embedded, ClusterSettings.Resolve(null, null, null, empty));
        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TokenEconSim:Cluster"] = "etcd" }).Build();
        Assert.Contains("TokenEconSim:Cluster in appsettings.json: 'etcd'",
            Assert.Throws<BadInputException>(() => ClusterSettings.Resolve(null, null, null, bad)).Message);
    }

    private static int ClosedPort()
    {
        var port = Hosting.Engines.EmbeddedSilo.FreePort();
        return port; // free a moment ago, nothing listens there
    }
}
