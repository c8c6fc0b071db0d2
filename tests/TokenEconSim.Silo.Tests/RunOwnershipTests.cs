using TokenEconSim.Hosting.Runs;
using TokenEconSim.Silo.Tests.Support;
using TokenEconSim.Silo.Tests.Sweeps;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// A run owns its hidden folder, and a sweep its folder, for their life (an OS lock): `silo resume`
/// of a live run used to delete the files it was still writing, and the run then published a folder
/// with a fraction of its epochs. Now the second command is refused, exit 2, naming the holder's pid;
/// the kernel releases the lock when the holder dies in any way, kill -9 included.
/// </summary>
public sealed class RunOwnershipTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ResumingALiveRunIsRefusedNamingItsPidAndLeavesItsFilesAlone()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the run is killed with kill(2); Linux only");
        var output = _dir.Sub("runs");
        using var silo = SiloProcess.Start("run", Repo.Scenario("baseline.yaml"), "--epochs", "100000", "--engine", "direct", "--out", output);
        await silo.WaitForLine("first checkpoint at epoch", TimeSpan.FromMinutes(5));
        var hidden = Assert.Single(Directory.GetDirectories(output));
        var name = Path.GetFileName(hidden)[1..Path.GetFileName(hidden).IndexOf(".tmp-", StringComparison.Ordinal)];

        var refused = await SiloCli.InvokeAsync("resume", name, "--out", output, "--engine", "direct", "--quiet");

        CliAssert.Exit(2, refused);
        Assert.Contains($"in use by process {silo.Id}", refused.Err);
        CliAssert.NoStackTrace(refused);
        Assert.False(silo.HasExited, $"the live run stopped:\n{silo.Output}");
        foreach (var file in new[] { "metrics.csv", "blocks.csv", "checkpoint.bin", "rows.bin" })
            Assert.True(File.Exists(Path.Combine(hidden, file)), $"{file} was deleted from under the live run");
        var rows = File.ReadLines(Path.Combine(hidden, "metrics.csv")).Count();

        // kill -9: no clean-up at all, yet the lock is gone with the process and the run can be taken over.
        silo.Kill9();
        await silo.WaitForExit(TimeSpan.FromMinutes(2));
        FolderLock.Acquire(RunExecutor.LockPath(hidden), "test").Dispose();
        Assert.True(File.ReadLines(Path.Combine(hidden, "metrics.csv")).Count() >= rows, "metrics.csv shrank");
    }

    [Fact]
    public void AHeldLockRefusesASecondHolderInTheSameProcessToo()
    {
        var path = _dir.Sub("x.lock");
        using (FolderLock.Acquire(path, "the thing"))
        {
            var e = Assert.Throws<TokenEconSim.Hosting.BadInputException>(() => FolderLock.Acquire(path, "the thing"));
            Assert.StartsWith($"the thing is in use by process {Environment.ProcessId} ", e.Message);
        }
        FolderLock.Acquire(path, "the thing").ReleaseAndDelete();
        Assert.False(File.Exists(path) || File.Exists(path + ".pid"));
    }

    [Fact]
    public async Task ASecondStartOfALiveSweepIsRefusedInsteadOfDeletingItsRuns()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the sweep is killed with kill(2); Linux only");
        // Runs long enough that the one found under way cannot finish (and be renamed) before the check,
        // however slow the machine; the sweep is killed at the end.
        SweepFiles.Base(_dir, epochs: 1_000_000);
        var file = SweepFiles.Sweep(_dir, "own.yaml", "  simplex: {step: 0.25}\n  seeds: 4\n");
        var output = _dir.Sub("sweeps");
        using var first = SiloProcess.Start("sweep", file, "--out", output, "--parallel", "1", "--quiet");
        // A run under way: its hidden folder exists, which the second start would delete as a leftover.
        string? running = null;
        await first.WaitFor(() => (running = RunningRun(output)) is not null, TimeSpan.FromMinutes(5), "a run under way");

        var second = await SiloCli.InvokeAsync("sweep", file, "--out", output, "--quiet");

        CliAssert.Exit(2, second);
        Assert.Contains($"in use by process {first.Id}", second.Err);
        Assert.True(Directory.Exists(running), $"the live sweep's run {running} was deleted");
        first.Kill9();
        await first.WaitForExit(TimeSpan.FromMinutes(2));
    }

    private static string? RunningRun(string output)
    {
        if (!Directory.Exists(output)) return null;
        return Directory.GetDirectories(output).Select(s => Path.Combine(s, "runs")).Where(Directory.Exists)
            .SelectMany(r => Directory.GetDirectories(r, ".*.tmp-*")).FirstOrDefault();
    }
}
