using System.Diagnostics;
using System.Runtime.InteropServices;
using TokenEconSim.Hosting.Runs;
using TokenEconSim.Silo.Tests.Support;

namespace TokenEconSim.Silo.Tests;

/// <summary>
/// docs/model.md §15: Ctrl+C (SIGINT) and SIGTERM on the real `silo` executable. Mid-run, after a checkpoint: the run
/// stops between epochs, keeps its hidden folder and prints the command that continues it; exit
/// 128 + the signal (130, 143). Before any checkpoint there is nothing to keep: no folder at all.
/// Each signal is sent only after a line the process prints once its handler is registered (the
/// handler is registered before Main does anything else) — no sleeps, no races with start-up.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("direct", SigTerm, 143)]
    [InlineData("orleans", SigTerm, 143)]
    [InlineData("direct", SigInt, 130)]
    public async Task ASignalAfterACheckpointKeepsTheRunAndPrintsHowToContinue(string engine, int signal, int exit)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with kill(2); Linux only");
        var output = _dir.Sub("runs");
        // bench.yaml at full size (10 000 agents) for far more epochs than the test waits for.
        using var silo = SiloProcess.Start("run", Repo.Scenario("bench.yaml"), "--epochs", "100000", "--engine", engine, "--out", output);
        await silo.WaitForLine("first checkpoint at epoch", TimeSpan.FromMinutes(5));
        Assert.False(SignalIgnored(silo.Id, signal), "the silo ignores the signal: SiloProcess should have reset it");
        silo.Send(signal);

        var code = await silo.WaitForExit(TimeSpan.FromMinutes(5));
        Assert.True(code == exit, $"expected exit {exit}, got {code}:\n{silo.Output}");
        Assert.Contains(signal == SigInt ? "interrupted (Ctrl+C)" : "terminated (SIGTERM)", silo.Output);
        Assert.DoesNotContain("   at ", silo.Output);
        var kept = Assert.Single(Directory.GetDirectories(output));
        var name = Path.GetFileName(kept)[1..Path.GetFileName(kept).IndexOf(".tmp-", StringComparison.Ordinal)];
        Assert.True(File.Exists(Path.Combine(kept, "checkpoint.bin")), $"no checkpoint kept in {kept}");
        Assert.Contains($"interrupted: run {name} keeps its checkpoint at epoch ", silo.Output);
        var command = ContinueCommand(silo);
        Assert.EndsWith($" resume {name} --out {output}", command);
        // The kernel released the folder's lock with the process: it can be taken again.
        FolderLock.Acquire(kept + ".lock", "test").Dispose();
    }

    /// <summary>
    /// The signal at the first line the run prints (folder created, engine not yet started): the
    /// handler is already there, so the run is cancelled the documented way — our message, exit
    /// 143, nothing left — never killed silently by the runtime's default action.
    /// </summary>
    [Fact]
    public async Task ASignalAtTheFirstLineIsHandledAndLeavesNothing()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with kill(2); Linux only");
        var output = _dir.Sub("runs");
        using var silo = SiloProcess.Start("run", Repo.Scenario("bench.yaml"), "--epochs", "100000", "--engine", "direct", "--out", output);
        await silo.WaitForLine("checkpoint every 10 epochs", TimeSpan.FromMinutes(5));
        silo.Send(SigTerm);

        var code = await silo.WaitForExit(TimeSpan.FromMinutes(5));
        Assert.True(code == 143, $"expected exit 143, got {code}:\n{silo.Output}");
        Assert.Contains("terminated (SIGTERM)", silo.Output);
        Assert.Contains("cancelled: no results folder was written", silo.Output);
        CliAssert.NothingWritten(output);
    }

    /// <summary>The pasteable command printed under "continue it with:".</summary>
    internal static string ContinueCommand(SiloProcess silo)
    {
        var lines = silo.Lines;
        var at = lines.ToList().FindIndex(l => l.EndsWith("continue it with:", StringComparison.Ordinal));
        Assert.True(at >= 0 && at + 1 < lines.Count, $"no command to continue printed:\n{silo.Output}");
        return lines[at + 1].Trim();
    }

    /// <summary>
    /// A signal while the embedded silo is starting (its silo and gateway ports are listening, the run
    /// has not begun): exit 143 and no folder, and — the CLI's promise — no stack trace on stderr.
    /// A signal that misses the start-up window only makes this test pass without testing that path.
    /// </summary>
    [Fact]
    public async Task ASignalWhileTheEmbeddedSiloStartsExits143WithoutAStackTrace()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with kill(2); Linux only");
        var output = _dir.Sub("runs");
        var start = new ProcessStartInfo(Repo.SiloExecutable)
        {
            ArgumentList = { "run", Repo.Scenario("baseline.yaml"), "--engine", "orleans", "--out", output, "--quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("TOKENECONSIM_DEBUG");
        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

            // Two listening sockets at once: Orleans' silo and gateway ports, i.e. Silo.StartAsync is under way
            // (EmbeddedSilo's FreePort listeners come and go one at a time, before that).
            await WaitFor(() => ListeningSockets(process.Id) >= 2, process, TimeSpan.FromMinutes(5), poll: 2);
            Assert.Equal(0, kill(process.Id, SigTerm));

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            var err = await stderr;
            await stdout;

            // If the run had already finished (a much faster machine), there is nothing to check.
            if (process.ExitCode == 0) return;
            Assert.True(process.ExitCode == 143, $"expected exit 143, got {process.ExitCode}; stderr:\n{err}");
            CliAssert.NothingWritten(output);
            Assert.True(!err.Contains("   at ", StringComparison.Ordinal) && !err.Contains("Exception", StringComparison.Ordinal),
                $"stack trace on stderr:\n{err}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitFor(Func<bool> condition, Process process, TimeSpan limit, int poll = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited) Assert.Fail($"silo exited ({process.ExitCode}) before the run was under way");
            if (clock.Elapsed > limit) Assert.Fail("the run did not get under way in time");
            await Task.Delay(poll);
        }
    }

    /// <summary>TCP sockets in LISTEN state held by the process (its fds matched against /proc/net/tcp{,6}).</summary>
    private static int ListeningSockets(int pid)
    {
        var inodes = new HashSet<string>();
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                try
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                        inodes.Add(target["socket:[".Length..^1]);
                }
                catch (IOException) { } // the fd closed meanwhile
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        var count = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && inodes.Contains(fields[9])) count++;
            }
        }
        return count;
    }

    /// <summary>Whether the process ignores the signal (SigIgn in /proc/&lt;pid&gt;/status).</summary>
    private static bool SignalIgnored(int pid, int signal)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line != null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
