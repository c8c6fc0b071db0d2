using TokenEconSim.Dashboard.Runs;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>
/// The server's launcher, able to hold a run after its first batch of epochs until the test lets it go: a page is then
/// sure to join while the run is running, however fast the machine runs it (a baseline epoch takes milliseconds).
/// </summary>
public sealed class HeldLauncher : IRunLauncher
{
    private static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private ManualResetEventSlim? _armed;
    private IRunLauncher? _inner;

    /// <summary>Made before the server, which hands it its own launcher when it first needs one.</summary>
    public IRunLauncher Wrap(IRunLauncher inner)
    {
        _inner = inner;
        return this;
    }

    private IRunLauncher Inner => _inner ?? throw new InvalidOperationException("the server has not handed its launcher over");

    /// <summary>The next run to start is held after its first batch; dispose the result to let it go on.</summary>
    public IDisposable HoldNextRun()
    {
        var release = new ManualResetEventSlim();
        lock (_gate) _armed = release;
        return new Release(release);
    }

    public Task<string> RunAsync(Scenario scenario, string source, RunHooks hooks, CancellationToken ct)
    {
        ManualResetEventSlim? hold;
        lock (_gate) (hold, _armed) = (_armed, null);
        if (hold is null) return Inner.RunAsync(scenario, source, hooks, ct);
        var first = true;
        return Inner.RunAsync(scenario, source, hooks with
        {
            OnEpochs = batch =>
            {
                hooks.OnEpochs(batch);
                // Blocks the run's loop (a thread of the pool), bounded so a failed test cannot leave a run held forever.
                if (first) hold.Wait(LongestHold, ct);
                first = false;
            }
        }, ct);
    }

    public long EstimateBytes(Scenario scenario) => Inner.EstimateBytes(scenario);

    private sealed class Release(ManualResetEventSlim release) : IDisposable
    {
        public void Dispose() => release.Set();
    }
}
