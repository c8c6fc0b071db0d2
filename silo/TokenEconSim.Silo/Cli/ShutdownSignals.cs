using System.Runtime.InteropServices;

namespace TokenEconSim.Silo.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM, handled from the first line of Main. The first signal asks the
/// command to stop (runs stop between epochs and keep their checkpoint); a second one is left to
/// the runtime's default, which ends the process at once (a checkpointed run still resumes).
/// Registered before anything else because System.CommandLine registers its own handler only once
/// the action has first yielded: a signal during the action's synchronous start (folder created,
/// metrics.csv opened, even whole epochs) met no handler and killed the process with 143 and
/// nothing printed. Its handler also gave up after a timeout with the same silent 143.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public ShutdownSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The shell's convention for a command ended by a signal, 128 + its number; null before any.</summary>
    public int? ExitCode => _signal switch
    {
        0 => null,
        2 => ExitCodes.Interrupted,
        _ => ExitCodes.Terminated,
    };

    private void OnSignal(PosixSignalContext context)
    {
        // A second signal while the first is being handled: the default action (terminate) proceeds.
        if (Interlocked.CompareExchange(ref _signal, context.Signal == PosixSignal.SIGINT ? 2 : 15, 0) != 0) return;
        context.Cancel = true;
        Console.Error.WriteLine(context.Signal == PosixSignal.SIGINT
            ? "interrupted (Ctrl+C): stopping (a run stops between epochs and keeps its checkpoint); Ctrl+C again quits at once"
            : "terminated (SIGTERM): stopping (a run stops between epochs and keeps its checkpoint)");
        // Off the signal thread: cancellation callbacks and the continuations they run inline must not hold it.
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Cancel(), _stop, preferLocal: false);
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _stop.Dispose();
    }
}
