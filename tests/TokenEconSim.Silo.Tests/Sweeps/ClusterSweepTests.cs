using System.Globalization;
using System.Text.Json;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Silo.Tests.Support;
using TokenEconSim.Studies.Sweeps;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>
/// `silo sweep --cluster postgres`: a client of three `silo host` processes on PostgreSQL runs a sweep; its runs spread over the silos,
/// one silo is killed (kill -9) while runs are on it, and the sweep still completes with the tables of an embedded sweep, byte for byte.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class ClusterSweepTests(PostgresServer postgres) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(8); // a bound for a loaded machine, not a speed requirement
    private readonly TempDir _dir = new();
    private readonly List<SiloProcess> _silos = [];

    public void Dispose()
    {
        foreach (var p in _silos) p.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ASweepOnThreeSilosSurvivesAKilledSiloWithTheEmbeddedTables()
    {
        var ct = TestContext.Current.CancellationToken;
        SweepFiles.Base(_dir, epochs: 40);
        // 15 points × 2 seeds = 30 runs, checkpointed every 10 epochs (the default), so a killed silo's runs continue mid-run.
        var file = SweepFiles.Sweep(_dir, "spread.yaml", "  simplex: {step: 0.25}\n  seeds: [1, 2]\n");
        var connection = await postgres.NewDatabaseWithSchemaAsync();
        var ports = new List<int>();
        for (var i = 0; i < 3; i++) ports.Add(await HostAsync(connection));

        var placement = new SiloPlacement();
        var victim = $"127.0.0.1:{ports[1].ToString(CultureInfo.InvariantCulture)}";
        var options = new SweepOptions(file, _dir.Sub("cluster"), 4, [], Fresh: true, ShowProgress: false)
        {
            Cluster = new ClusterSettings(StorageKind.Postgres, MembershipKind.Postgres, connection),
            Placement = placement,
        };
        var sweep = SweepRunner.RunAsync(options, ct);
        // Race-free: the kill waits until runs have started on two silos and one is running on the victim.
        var usedBeforeKill = await WaitAsync(() => placement.SilosUsed >= 2 && placement.RunningOn(victim) > 0 ? placement.SilosUsed : 0, sweep);
        _silos[1].Kill9();
        var outcome = await sweep.WaitAsync(Bound, ct);

        Assert.Equal(30, outcome.Ran);
        Assert.True(usedBeforeKill >= 2, $"runs started on {usedBeforeKill} silo(s) before the kill");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "sweep.json")));
        Assert.Equal("complete", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(30, report.RootElement.GetProperty("runs_complete").GetInt32());
        var perSilo = report.RootElement.GetProperty("runs_per_silo").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(30, perSilo.Values.Sum());
        var recoveries = report.RootElement.GetProperty("recoveries").GetInt32();
        TestContext.Current.SendDiagnosticMessage($"runs per silo: {string.Join(", ", perSilo)}; recoveries {recoveries}");

        var embedded = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("embedded"), "--parallel", "4", "--quiet");
        CliAssert.Exit(0, embedded);
        Assert.DoesNotContain("runs_per_silo", File.ReadAllText(Path.Combine(embedded.ResultsFolder, "sweep.json")));
        foreach (var table in new[] { "runs.csv", "points.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(embedded.ResultsFolder, table)), File.ReadAllBytes(Path.Combine(outcome.Folder, table)));
    }

    /// <summary>Polls <paramref name="value"/> until it is positive; fails if the sweep ends or fails first.</summary>
    private static async Task<int> WaitAsync(Func<int> value, Task sweep)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (value() is var v && v > 0) return v;
            if (sweep.IsCompleted)
            {
                await sweep; // its failure, if any
                throw new Xunit.Sdk.XunitException("the sweep ended before runs were placed on the silo to kill");
            }
            if (clock.Elapsed > Bound) throw new Xunit.Sdk.XunitException("no runs placed on the silo to kill");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private async Task<int> HostAsync(string connection)
    {
        var port = EmbeddedSilo.FreePort();
        var silo = SiloProcess.Start("host", "--cluster", "postgres", "--storage", "postgres", "--connection", connection,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--gateway-port", EmbeddedSilo.FreePort().ToString(CultureInfo.InvariantCulture));
        _silos.Add(silo);
        await silo.WaitForLine("silo up", Bound);
        return port;
    }
}
