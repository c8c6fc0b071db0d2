using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TokenEconSim.Hosting.Cluster;

public enum StorageKind { Memory, Postgres }

public enum MembershipKind { Localhost, Postgres }

/// <summary>
/// Where grain state lives and how silos find each other (docs/cluster.md). Each key comes from the
/// command line, else the environment (TOKENECONSIM__STORAGE, TOKENECONSIM__CLUSTER,
/// TOKENECONSIM__CONNECTION, TOKENECONSIM__CLUSTERID), else appsettings.json in the working folder
/// ("TokenEconSim": { "Storage", "Cluster", "Connection", "ClusterId" }), else the embedded default:
/// localhost clustering, in-memory storage, no server.
/// </summary>
public sealed record ClusterSettings(StorageKind Storage, MembershipKind Cluster, string? Connection,
    string ClusterId = ClusterSettings.DefaultClusterId)
{
    public const string DefaultClusterId = "tokeneconsim";
    public const string ServiceId = "tokeneconsim";
    public const string Invariant = "Npgsql";

    public static ClusterSettings Embedded { get; } = new(StorageKind.Memory, MembershipKind.Localhost, null);

    public bool NeedsDatabase => Storage == StorageKind.Postgres || Cluster == MembershipKind.Postgres;

    /// <summary>Resolves and validates the settings; bad values are <see cref="BadInputException"/>s naming their source.</summary>
    public static ClusterSettings Resolve(string? storage, string? cluster, string? connection, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var (storageText, storageSource) = Pick(storage, "--storage", configuration, "Storage");
        var (clusterText, clusterSource) = Pick(cluster, "--cluster", configuration, "Cluster");
        var (connectionText, connectionSource) = Pick(connection, "--connection", configuration, "Connection");
        var (clusterIdText, _) = Pick(null, "", configuration, "ClusterId");
        var settings = new ClusterSettings(
            Parse(storageText, storageSource, StorageKind.Memory),
            Parse(clusterText, clusterSource, MembershipKind.Localhost),
            string.IsNullOrWhiteSpace(connectionText) ? null : connectionText,
            string.IsNullOrWhiteSpace(clusterIdText) ? DefaultClusterId : clusterIdText);
        if (settings.NeedsDatabase) ValidateConnection(settings.Connection, connectionSource);
        return settings;
    }

    /// <summary>A connection string Npgsql accepts, with a host; the message names where it came from.</summary>
    public static void ValidateConnection(string? connection, string source)
    {
        if (string.IsNullOrWhiteSpace(connection))
            throw new BadInputException("PostgreSQL needs a connection string: --connection \"Host=…;Username=…;Database=…\", "
                + "TOKENECONSIM__CONNECTION, or TokenEconSim:Connection in appsettings.json");
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connection);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new BadInputException($"{source}: not a valid PostgreSQL connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(parsed.Host))
            throw new BadInputException($"{source}: the connection string names no Host (e.g. "
                + "Host=127.0.0.1;Port=5432;Username=postgres;Database=tokeneconsim)");
    }

    private static (string? Value, string Source) Pick(string? flag, string flagName, IConfiguration configuration, string key)
    {
        if (!string.IsNullOrWhiteSpace(flag)) return (flag, flagName);
        var value = configuration[$"TokenEconSim:{key}"];
        var fromEnvironment = Environment.GetEnvironmentVariable($"TOKENECONSIM__{key.ToUpperInvariant()}") is not null;
        return (value, fromEnvironment ? $"TOKENECONSIM__{key.ToUpperInvariant()}" : $"TokenEconSim:{key} in appsettings.json");
    }

    private static T Parse<T>(string? text, string source, T fallback) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])) return value;
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        throw new BadInputException($"{source}: '{text}' is not one of {allowed}");
    }
}
