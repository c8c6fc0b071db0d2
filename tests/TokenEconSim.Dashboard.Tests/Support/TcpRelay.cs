using System.Net;
using System.Net.Sockets;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of the server whose open connections a test can cut, as a proxy or a network does: a
/// browser's event stream then breaks for real and the browser reconnects by itself. Written here: a few lines of sockets.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _sent = [];

    public TcpRelay(Uri target)
    {
        _target = target;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The relay's address: requests to it reach the server.</summary>
    public Uri Url { get; }

    /// <summary>What clients sent to the server since the last cut (the heads of their requests), as text.</summary>
    public IReadOnlyList<string> SentSinceCut
    {
        get { lock (_gate) return [.. _sent]; }
    }

    /// <summary>Closes every connection open now; new ones are relayed as before.</summary>
    public void CutAll()
    {
        TcpClient[] open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
            _sent.Clear();
        }
        foreach (var c in open) c.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_gate) _open.AddRange([client, server]);
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            await Task.WhenAny(ForwardRequestsAsync(client.GetStream(), server.GetStream()),
                server.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // a cut connection
        }
        finally
        {
            client.Dispose();
            server.Dispose();
            lock (_gate) _open.RemoveAll(c => c == client || c == server);
        }
    }

    private async Task ForwardRequestsAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            lock (_gate) _sent.Add(System.Text.Encoding.Latin1.GetString(buffer, 0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        CutAll();
        _stop.Dispose();
    }
}
