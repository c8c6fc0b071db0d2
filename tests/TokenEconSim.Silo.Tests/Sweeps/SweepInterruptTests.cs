using System.Text.Json;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>A sweep stopped by a signal says so in sweep.json ("interrupted", with the runs it keeps), not "running".</summary>
[Collection(SweepCollection.Name)]
public sealed class SweepInterruptTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ASignalledSweepIsMarkedInterruptedWithTheRunsItKeeps()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with kill(2); Linux only");
        SweepFiles.Base(_dir, epochs: 400);
        var file = SweepFiles.Sweep(_dir, "stop.yaml", "  simplex: {step: 0.25}\n  seeds: 4\n");
        var output = _dir.Sub("sweeps");
        using var silo = SiloProcess.Start("sweep", file, "--out", output, "--parallel", "1", "--quiet");
        string[] Complete() => Directory.Exists(output)
            ? [.. Directory.GetDirectories(output).SelectMany(s => Directory.Exists(Path.Combine(s, "runs"))
                ? Directory.GetDirectories(Path.Combine(s, "runs"), "p*") : [])]
            : [];
        await silo.WaitFor(() => Complete().Length >= 1, TimeSpan.FromMinutes(5), "a complete run");
        silo.Send(15);

        Assert.Equal(143, await silo.WaitForExit(TimeSpan.FromMinutes(5)));
        var kept = Complete().Length;
        Assert.InRange(kept, 1, 59);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory.GetDirectories(output).Single(), "sweep.json"))).RootElement;
        Assert.Equal("interrupted", json.GetProperty("status").GetString());
        Assert.Equal(kept, json.GetProperty("runs_complete").GetInt32());
        Assert.Contains($"interrupted: {kept} of 60 runs complete are kept in ", silo.Output);
        Assert.DoesNotContain("   at ", silo.Output);
    }
}
