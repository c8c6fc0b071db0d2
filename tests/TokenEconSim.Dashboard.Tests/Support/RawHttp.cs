using System.Net.Sockets;
using System.Text;

namespace TokenEconSim.Dashboard.Tests.Support;

/// <summary>An answer read off the wire: its status, headers (lower-case names) and body as text.</summary>
internal sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// HTTP/1.1 written by hand, for requests HttpClient will not send (any Host, invalid UTF-8, any
/// method, bodies that lie about their type). One connection per request, closed by the server.
/// </summary>
internal static class RawHttp
{
    public static async Task<RawAnswer> SendAsync(Uri server, string method, string target, IEnumerable<(string Name, string Value)> headers,
        byte[]? body, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, ct);
        var stream = client.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
        var list = headers.ToList();
        if (!list.Any(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase))) head.Append($"Host: {server.Authority}\r\n");
        foreach (var (name, value) in list) head.Append($"{name}: {value}\r\n");
        if (body is not null) head.Append($"Content-Length: {body.Length}\r\n");
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), ct);
        if (body is not null) await stream.WriteAsync(body, ct);
        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, ct);
        }
        catch (IOException) when (answer.Length > 0)
        {
            // The server answered a body it would not read and reset the connection: the answer is complete.
        }
        return Parse(answer.ToArray());
    }

    private static RawAnswer Parse(byte[] bytes)
    {
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (split < 0) throw new InvalidDataException($"no complete answer: '{Encoding.Latin1.GetString(bytes)}'");
        var lines = Encoding.Latin1.GetString(bytes, 0, split).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p.Length > 1 ? p[1].Trim() : "");
        var body = bytes[(split + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked") body = Unchunk(body);
        return new RawAnswer(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        var result = new MemoryStream();
        var at = 0;
        while (true)
        {
            var end = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.Latin1.GetString(chunked, at, end - at).Split(';')[0], 16);
            if (size == 0) return result.ToArray();
            result.Write(chunked, end + 2, size);
            at = end + 2 + size + 2;
        }
    }
}
