using System.Net;

namespace TokenEconSim.Silo.Serve;

/// <summary>What `silo serve` was asked for: where to listen, the token for changes, and its folders.</summary>
public sealed record ServeOptions(
    string Host = "127.0.0.1",
    int Port = 5080,
    string? Token = null,
    string ScenariosFolder = "scenarios",
    string RunsFolder = "runs",
    string SweepsFolder = "sweeps")
{
    /// <summary>Storage and membership of the hosted silo (docs/cluster.md); the embedded default needs no server.</summary>
    public Cluster.ClusterSettings Cluster { get; init; } = TokenEconSim.Silo.Cluster.ClusterSettings.Embedded;

    /// <summary>Address other silos and clients reach the hosted silo at (a PostgreSQL cluster only).</summary>
    public string SiloAddress { get; init; } = "127.0.0.1";

    /// <summary>Only this machine can connect: starting and cancelling runs needs no token.</summary>
    public bool IsLoopback => Host == "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    public string Url => $"http://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}
