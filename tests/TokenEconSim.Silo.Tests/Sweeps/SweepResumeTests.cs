using System.Diagnostics;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests.Sweeps;

/// <summary>
/// A sweep killed hard (SIGKILL: no clean-up of any kind) and started again runs only the runs
/// that were not complete, and its tables come out byte-identical to an uninterrupted sweep's.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class SweepResumeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AKilledSweepResumesRunningOnlyTheUnfinishedRuns()
    {
        SweepFiles.Base(_dir);
        var file = SweepFiles.Sweep(_dir, "resume.yaml", "  simplex: {step: 0.25}\n  seeds: 2\n" + SweepFiles.Objective);
        var output = _dir.Sub("sweeps");
        var start = new ProcessStartInfo(Repo.SiloExecutable)
        {
            ArgumentList = { "sweep", file, "--out", output, "--parallel", "1", "--quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        string runsDir;
        try
        {
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var found = Directory.Exists(output) ? Directory.GetDirectories(output, "resume-*") : [];
                runsDir = found.Length == 1 ? Path.Combine(found[0], "runs") : "";
                if (runsDir.Length > 0 && Directory.Exists(runsDir) && Complete(runsDir).Length >= 4) break;
                if (process.HasExited) Assert.Fail($"silo exited ({process.ExitCode}) before it was killed");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the sweep did not get under way in time"); // a bound, not a speed requirement
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            process.Kill(); // SIGKILL
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var before = Complete(runsDir);
        Assert.InRange(before.Length, 4, 29); // killed mid-sweep: some runs done, not all
        foreach (var run in before) File.WriteAllText(Path.Combine(run, "kept"), ""); // a run done again would lose this file

        var resumed = await SiloCli.InvokeAsync("sweep", file, "--out", output, "--quiet");

        CliAssert.Exit(0, resumed);
        Assert.Contains($"{before.Length} of 30 runs already complete", resumed.Out);
        Assert.Contains($"{30 - before.Length} runs in", resumed.Out);
        Assert.Single(Directory.GetDirectories(output)); // continued in the same folder
        Assert.All(before, run => Assert.True(File.Exists(Path.Combine(run, "kept")), $"{run} was run again"));
        Assert.Equal(30, Complete(runsDir).Length);
        Assert.Empty(Directory.GetDirectories(runsDir, ".*")); // the killed run's temporary folder is gone

        var fresh = await SiloCli.InvokeAsync("sweep", file, "--out", _dir.Sub("uninterrupted"), "--quiet");
        CliAssert.Exit(0, fresh);
        foreach (var table in new[] { "runs.csv", "points.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(resumed.ResultsFolder,
                table)).SequenceEqual(File.ReadAllBytes(Path.Combine(fresh.ResultsFolder, table))),
                $"{table} of the resumed sweep differs from the uninterrupted one");

        // Once complete, the same command runs nothing and rebuilds the same tables.
        var again = await SiloCli.InvokeAsync("sweep", file, "--out", output, "--quiet");
        CliAssert.Exit(0, again);
        Assert.Contains("all 30 runs were already complete", again.Out);
        Assert.True(File.ReadAllBytes(Path.Combine(again.ResultsFolder,
            "runs.csv")).SequenceEqual(File.ReadAllBytes(Path.Combine(fresh.ResultsFolder, "runs.csv"))));
    }

    /// <summary>Completed run folders: visible ones (a run in progress is a hidden temporary folder).</summary>
    private static string[] Complete(string runsDir) =>
        [.. Directory.GetDirectories(runsDir).Where(d => !Path.GetFileName(d).StartsWith('.'))];
}
