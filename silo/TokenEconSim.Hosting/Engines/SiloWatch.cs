using Orleans.Messaging;

namespace TokenEconSim.Hosting.Engines;

/// <summary>
/// A client's call to a grain on a silo that is killed is not failed by Orleans: it waits for the
/// response timeout (10 min here, since one call may run many epochs). While such a call is in
/// flight, this watches the cluster's membership (the gateways of active silos, as the client's
/// ADO.NET gateway provider reads them) and fails the wait as soon as a silo present at the start
/// is gone, i.e. declared dead by the others.
/// </summary>
public static class SiloWatch
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static async Task<T> AwaitAsync<T>(Task<T> call, IGatewayListProvider? gateways, CancellationToken ct)
    {
        if (gateways is null) return await call;
        var before = (await gateways.GetGateways()).ToHashSet();
        while (true)
        {
            if (await Task.WhenAny(call, Task.Delay(Poll, ct)) == call) return await call;
            ct.ThrowIfCancellationRequested();
            var gone = before.Except(await gateways.GetGateways()).ToArray();
            if (gone.Length > 0)
            {
                _ = call.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed: the call is abandoned
                throw new SiloUnavailableException($"silo {string.Join(", ", gone.Select(g => g.ToString()))} left the cluster during the call");
            }
        }
    }
}
