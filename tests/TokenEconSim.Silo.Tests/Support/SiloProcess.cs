using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TokenEconSim.Silo.Tests.Support;

/// <summary>The real `silo` executable in its own process (a cluster member or a run), its output collected as it comes.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SiloProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static SiloProcess Start(params string[] args) => StartProgram(Repo.SiloExecutable, args);

    /// <summary>Any program (e.g. `dotnet run … -- …`), its output collected the same way.</summary>
    public static SiloProcess StartProgram(string program, params string[] args)
    {
        // A suite started as a background job (`tests/run &`, nohup, some CI runners) hands its children
        // SIGINT ignored, which a program cannot undo from .NET: env(1) resets it (the pid stays the
        // program's: env execs it), so the child meets Ctrl+C as it would at a terminal.
        var viaEnv = OperatingSystem.IsLinux();
        var start = new ProcessStartInfo(viaEnv ? "env" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (viaEnv)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(program);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("TOKENECONSIM_DEBUG");
        return new SiloProcess(Process.Start(start)!);
    }

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The lines printed so far (stdout and stderr, in arrival order).</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>kill(2) with any signal.</summary>
    public void Send(int signal) => Assert.Equal(0, kill(_process.Id, signal));

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until <paramref name="condition"/> holds; fails with the process output if it exits or time runs out first.</summary>
    public async Task WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"silo exited ({_process.ExitCode}) before {what}:\n{Output}");
            if (clock.Elapsed > timeout) throw new Xunit.Sdk.XunitException($"no {what} within {timeout.TotalSeconds} s:\n{Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public Task WaitForLine(string text, TimeSpan timeout) => WaitFor(() => _lines.Any(l => l.Contains(text, StringComparison.Ordinal)),
        timeout, $"'{text}'");

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void Kill9() => Assert.Equal(0, kill(_process.Id, 9));

    /// <summary>kill -15: the silo leaves the cluster and stops.</summary>
    public void Terminate() => Assert.Equal(0, kill(_process.Id, 15));

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
