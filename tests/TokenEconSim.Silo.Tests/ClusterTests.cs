using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TokenEconSim.Contracts;
using TokenEconSim.Hosting.Cluster;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// A real Orleans cluster on PostgreSQL: `silo host` processes on loopback ports joined through the
/// membership table, grain state in the storage table, and runs that survive a kill -9.
/// </summary>
public sealed class ClusterTests(PostgresServer postgres) : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(5); // a bound for a loaded machine, not a speed requirement
    private readonly TempDir _dir = new();
    private readonly List<SiloProcess> _processes = [];

    public void Dispose()
    {
        foreach (var p in _processes) p.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task GrainStateWrittenThroughOneSiloProcessIsReadBackByANewOne()
    {
        var connection = await postgres.NewDatabaseWithSchemaAsync();
        var settings = new ClusterSettings(StorageKind.Postgres, MembershipKind.Postgres, connection);
        byte[] state = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];

        var first = await HostAsync(connection);
        using (var client = await OrleansSetup.StartClientAsync(settings, TestContext.Current.CancellationToken))
        {
            await client.Services.GetRequiredService<IGrainFactory>().GetGrain<IRunCheckpointGrain>("round-trip").Save(7, state);
            await client.StopAsync(TestContext.Current.CancellationToken);
        }
        first.Terminate();
        Assert.Equal(0, await first.WaitForExit(TimeSpan.FromMinutes(3)));

        await HostAsync(connection);
        using var second = await OrleansSetup.StartClientAsync(settings, TestContext.Current.CancellationToken);
        var read = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IRunCheckpointGrain>("round-trip").Load();
        Assert.Equal(7, read.Epoch);
        Assert.Equal(state, read.Bytes);
        await second.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ThreeSilosFinishARunAfterOneIsKilledWithTheOneSiloBytes()
    {
        var connection = await postgres.NewDatabaseWithSchemaAsync();
        string[] scenario = [Repo.Scenario("baseline.yaml"), "--epochs", "24", "--quiet", "--set", "outputs.charts=false", "--set",
            "run.agents_per_grain=4", .. Populations.Small];
        var reference = await SiloCli.InvokeAsync(["run", .. scenario, "--out", _dir.Sub("one-silo"), "--checkpoint-every", "0"]);
        CliAssert.Exit(0, reference);

        var silos = new[] { await HostAsync(connection), await HostAsync(connection), await HostAsync(connection) };
        var output = _dir.Sub("cluster");
        var run = Track(SiloProcess.Start(["run", .. scenario, "--out", output, "--checkpoint-every", "4",
            "--cluster", "postgres", "--storage", "postgres", "--connection", connection]));
        await run.WaitFor(() => Directory.Exists(output) && Directory.GetDirectories(output, ".baseline-*")
            .Any(d => File.Exists(Path.Combine(d, "checkpoint.bin"))), Start, "first checkpoint");
        silos[1].Kill9();
        var clock = Stopwatch.StartNew();
        Assert.True(0 == await run.WaitForExit(TimeSpan.FromMinutes(4)), run.Output);
        TestContext.Current.SendDiagnosticMessage($"3-silo run: kill -9 to completion {clock.Elapsed.TotalSeconds:F1} s");

        // The killed silo hosted grains of the run (random placement): the run noticed and continued.
        Assert.Contains("silo failure", run.Output);
        Assert.Contains("continued from epoch", run.Output);
        var folder = RunOutput.Single(output, "baseline").Folder;
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference.ResultsFolder, "metrics.csv")), File.ReadAllBytes(Path.Combine(folder, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference.ResultsFolder, "blocks.csv")), File.ReadAllBytes(Path.Combine(folder, "blocks.csv")));
    }

    [Fact]
    public async Task ResumeAfterKill9OfAPlainRunGivesTheUninterruptedBytes()
    {
        string[] scenario = [Repo.Scenario("baseline.yaml"), "--epochs", "400", "--quiet", "--set", "outputs.charts=false", .. Populations.Small];
        var output = _dir.Sub("killed");
        var run = Track(SiloProcess.Start(["run", .. scenario, "--out", output, "--checkpoint-every", "10"]));
        await run.WaitFor(() => Directory.Exists(output) && Directory.GetDirectories(output, ".baseline-*")
            .Any(d => File.Exists(Path.Combine(d, "checkpoint.bin"))), Start, "first checkpoint");
        run.Kill9();
        await run.WaitForExit(TimeSpan.FromMinutes(2));
        var hidden = Assert.Single(Directory.GetDirectories(output, ".baseline-*"));
        var name = Path.GetFileName(hidden)[1..Path.GetFileName(hidden).LastIndexOf(".tmp-", StringComparison.Ordinal)];

        var resumed = await SiloCli.InvokeAsync("resume", name, "--out", output, "--quiet");
        var reference = await SiloCli.InvokeAsync(["run", .. scenario, "--out", _dir.Sub("uninterrupted"), "--checkpoint-every", "0"]);
        CliAssert.Exit(0, resumed);
        CliAssert.Exit(0, reference);
        var folder = RunOutput.Single(output, "baseline").Folder; // published under the name it would have had; nothing hidden left
        Assert.Equal(name, Path.GetFileName(folder));
        foreach (var file in new[] { "metrics.csv", "blocks.csv", "summary.json", "scenario.yaml" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference.ResultsFolder, file)), File.ReadAllBytes(Path.Combine(folder, file)));
        Assert.Equal(Directory.GetFiles(reference.ResultsFolder).Select(Path.GetFileName).Order(), Directory.GetFiles(folder)
            .Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task ResumeOfAnUnknownRunIsBadInput()
    {
        var result = await SiloCli.InvokeAsync("resume", "nothing-20260101-000000", "--out", _dir.Path);
        CliAssert.Exit(2, result);
        Assert.Contains("no interrupted run of that name", result.Err);
    }

    private async Task<SiloProcess> HostAsync(string connection)
    {
        var silo = SiloProcess.Start("host", "--cluster", "postgres", "--storage", "postgres", "--connection", connection,
            "--port", Hosting.Engines.EmbeddedSilo.FreePort().ToString(), "--gateway-port", Hosting.Engines.EmbeddedSilo.FreePort().ToString());
        Track(silo);
        await silo.WaitForLine("silo up", Start);
        return silo;
    }

    private SiloProcess Track(SiloProcess process)
    {
        _processes.Add(process);
        return process;
    }
}
