using Orleans.Messaging;

namespace TokenEconSim.Hosting.Cluster;

/// <summary>
/// A cluster client's view of lost silos. A client's call to a grain on a silo that is killed is not
/// failed by Orleans: it waits for the response timeout (10 min here, since one call may run many
/// epochs). One watch per client polls the cluster's membership (the gateways of active silos, as the
/// client's ADO.NET gateway provider reads them) and counts every silo that leaves it, i.e. is
/// declared dead by the others. A run on the cluster remembers the count when its coordinator
/// started; once it grows, its calls fail at once: with random placement its coordinator or some of
/// its shards were likely on the lost silo, and it continues from its checkpoint on the survivors.
/// </summary>
public sealed class MembershipWatch : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly IGatewayListProvider _gateways;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private HashSet<Uri> _live = [];
    private TaskCompletionSource _nextLoss = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _polling = Task.CompletedTask;

    private MembershipWatch(IGatewayListProvider gateways) => _gateways = gateways;

    /// <summary>Silos that have left the cluster since the watch started.</summary>
    public int Losses { get; private set; }

    /// <summary>Starts watching after a first read of the membership.</summary>
    public static async Task<MembershipWatch> StartAsync(IGatewayListProvider gateways, CancellationToken ct)
    {
        var watch = new MembershipWatch(gateways);
        watch._live = [.. await gateways.GetGateways().WaitAsync(ct)];
        watch._polling = watch.PollAsync(watch._stop.Token);
        return watch;
    }

    /// <summary>
    /// Awaits <paramref name="call"/>, started only if no silo was lost since <paramref name="since"/> (a value of
    /// <see cref="Losses"/>); fails with <see cref="SiloUnavailableException"/> as soon as one is (the call is abandoned).
    /// </summary>
    public async Task<T> AwaitAsync<T>(Func<Task<T>> call, int since)
    {
        Task lost;
        lock (_gate)
        {
            if (Losses > since) throw Lost();
            lost = _nextLoss.Task;
        }
        // Not cancelled by ct, as in an embedded silo: a call is a fraction of a second of epochs, and the run stops after it.
        var running = call();
        if (await Task.WhenAny(running, lost) == running) return await running;
        _ = running.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed: the call is abandoned
        throw Lost();
    }

    private SiloUnavailableException Lost() => new($"a silo left the cluster ({Losses} lost so far) while the run was on it");

    private async Task PollAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, ct);
                var now = (await _gateways.GetGateways()).ToHashSet();
                lock (_gate)
                {
                    var gone = _live.Count(g => !now.Contains(g));
                    _live = now;
                    if (gone == 0) continue;
                    Losses += gone;
                    Console.Error.WriteLine($"{gone} silo(s) left the cluster; {now.Count} active");
                    _nextLoss.TrySetResult();
                    _nextLoss = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database did not answer this time: the next poll tries again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }
}
