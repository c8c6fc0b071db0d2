namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// Where a sweep's runs ran on a cluster: runs finished per silo (the silo of the coordinator that
/// finished the run), runs in flight per silo they started on, and continuations after lost silos.
/// Thread-safe: runs start and finish on many threads at once.
/// </summary>
public sealed class SiloPlacement
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private int _recoveries;

    /// <summary>A placement to count into when <paramref name="cluster"/> is a PostgreSQL cluster; null for an embedded silo.</summary>
    public static SiloPlacement? On(TokenEconSim.Hosting.Cluster.ClusterSettings? cluster, SiloPlacement? given = null) =>
        cluster?.Cluster == TokenEconSim.Hosting.Cluster.MembershipKind.Postgres ? given ?? new SiloPlacement() : null;

    public void Started(string? silo)
    {
        if (silo is null) return;
        lock (_gate)
        {
            _running[silo] = _running.GetValueOrDefault(silo) + 1;
            _started.Add(silo);
        }
    }

    public void Finished(string? startedOn, string? finishedOn, int recoveries)
    {
        lock (_gate)
        {
            if (startedOn is not null) _running[startedOn]--;
            if (finishedOn is not null) _finished[finishedOn] = _finished.GetValueOrDefault(finishedOn) + 1;
            _recoveries += recoveries;
        }
    }

    /// <summary>Runs finished per silo, ordered by silo.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RunsPerSilo
    {
        get
        {
            lock (_gate) return [.. _finished.OrderBy(p => p.Key, StringComparer.Ordinal)];
        }
    }

    /// <summary>Runs started on <paramref name="silo"/> and not finished yet.</summary>
    public int RunningOn(string silo)
    {
        lock (_gate) return _running.GetValueOrDefault(silo);
    }

    /// <summary>Silos at least one run has started on.</summary>
    public int SilosUsed
    {
        get
        {
            lock (_gate) return _started.Count;
        }
    }

    public int Recoveries
    {
        get
        {
            lock (_gate) return _recoveries;
        }
    }

    /// <summary>"127.0.0.1:11111 = 12, 127.0.0.1:11112 = 9; 2 recoveries" for the command's last lines.</summary>
    public string Describe() =>
        $"{string.Join(", ", RunsPerSilo.Select(p => $"{p.Key} = {p.Value}"))}; {Recoveries} recover{(Recoveries == 1 ? "y" : "ies")}";
}
