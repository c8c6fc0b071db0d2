using System.Text.Json;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>
/// The data of the run page's server-sent events, as UTF-8 JSON: <c>columns</c>, <c>rows</c>
/// (<c>{since, rows, run}</c>) and <c>end</c> (the run's final listing). A live run serialises each
/// batch's rows event once, when the batch arrives, and every viewer that is up to date is sent
/// those same bytes (<see cref="LiveRun.SharedSince"/>); only a viewer that joins late or falls
/// behind gets events of its own.
/// </summary>
public static class RunEvents
{
    public const string Columns = "columns";
    public const string Rows = "rows";
    public const string End = "end";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static long _rowsSerialised;

    /// <summary>Rows events serialised by this process so far (a viewer's own catch-ups included): what fan-out saves is visible here.</summary>
    public static long RowsSerialised => Interlocked.Read(ref _rowsSerialised);

    public static byte[] RowsData(int since, IReadOnlyList<double?[]> rows, RunListing run)
    {
        Interlocked.Increment(ref _rowsSerialised);
        return JsonSerializer.SerializeToUtf8Bytes(new { since, rows, run }, Json);
    }

    public static byte[] Data<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);
}

/// <summary>A rows event serialised once for every viewer: the epochs [Since, Until) and the run's state after them.</summary>
public sealed record SharedRows(int Since, int Until, ReadOnlyMemory<byte> Data);
