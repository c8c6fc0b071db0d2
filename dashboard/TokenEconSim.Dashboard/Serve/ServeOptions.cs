using System.Net;
using System.Net.Sockets;

namespace TokenEconSim.Dashboard.Serve;

/// <summary>What `silo serve` was asked for: where to listen, the token for changes, its folders and limits.</summary>
public sealed record ServeOptions(
    string Host = "127.0.0.1",
    int Port = 5080,
    string? Token = null,
    string ScenariosFolder = "scenarios",
    string RunsFolder = "runs",
    string SweepsFolder = "sweeps")
{
    /// <summary>Storage and membership of the hosted silo (docs/cluster.md); the embedded default needs no server.</summary>
    public TokenEconSim.Hosting.Cluster.ClusterSettings Cluster { get; init; } = TokenEconSim.Hosting.Cluster.ClusterSettings.Embedded;

    /// <summary>Address other silos and clients reach the hosted silo at (a PostgreSQL cluster only).</summary>
    public string SiloAddress { get; init; } = "127.0.0.1";

    /// <summary>Memory the dashboard's runs may take together, by estimate; null: the dashboard's default (half of memory).</summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary>Runs in progress at once; null: the dashboard's default (two per core).</summary>
    public int? MaxRunningRuns { get; init; }

    /// <summary>Host names (the Host header) answered besides the bound address: the names other machines use for this one.</summary>
    public IReadOnlyList<string> ExtraAllowedHosts { get; init; } = [];

    /// <summary>Only this machine can connect: starting and cancelling runs needs no token.</summary>
    public bool IsLoopback => Host == "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>All interfaces (0.0.0.0, ::): the server cannot know the names it is reached by.</summary>
    public bool IsWildcard => IPAddress.TryParse(Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    public string Url => $"http://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";

    /// <summary>
    /// Why <see cref="Host"/> cannot be listened on, or null. Kestrel takes a name it cannot parse as
    /// "every interface", so only "localhost" and a literal address are accepted, and an IPv4
    /// address in its full dotted form (IPAddress also reads "127.1" and "1" as addresses).
    /// </summary>
    public string? HostProblem()
    {
        if (Host == "localhost") return null;
        if (!IPAddress.TryParse(Host, out var ip) || (ip.AddressFamily == AddressFamily.InterNetwork && Host.Split('.').Length != 4))
            return $"--host {Host}: not an IP address; give one of this machine's addresses (127.0.0.1, ::1, 0.0.0.0 for all interfaces) or "
                + "localhost";
        return null;
    }

    /// <summary>
    /// The Host header values answered (ASP.NET host filtering; ports are not compared): the loopback
    /// names when bound to loopback, the address itself otherwise, and the names given; every name
    /// when bound to all interfaces and none is given (the token then guards every change).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts()
    {
        var hosts = new List<string>(ExtraAllowedHosts);
        if (IsLoopback) hosts.AddRange(["localhost", "127.0.0.1", "[::1]"]);
        if (IsWildcard) { if (hosts.Count == 0) hosts.Add("*"); }
        else hosts.Add(Host.Contains(':') ? $"[{Host}]" : Host);
        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
