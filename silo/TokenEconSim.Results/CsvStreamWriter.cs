using System.Text;

namespace TokenEconSim.Results;

/// <summary>
/// What every streamed CSV of a run shares: UTF-8 without BOM, "\n" line endings, the header
/// written at once, ownership of the stream, and a flush to disk before the run folder is renamed.
/// </summary>
public abstract class CsvStreamWriter : IDisposable
{
    private readonly Stream _stream;
    private bool _disposed;

    /// <summary>Writes <paramref name="header"/> at once; takes ownership of <paramref name="destination"/>.</summary>
    protected CsvStreamWriter(Stream destination, string header)
    {
        _stream = destination;
        Writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Writer.Write(header);
        Writer.Write('\n');
    }

    protected StreamWriter Writer { get; }

    /// <summary>A run id as the first cell of a row: it must need no CSV quoting.</summary>
    protected static string RunIdCell(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (runId.AsSpan().IndexOfAny(",\n\r\"") >= 0) throw new ArgumentException($"run id '{runId}' cannot be a CSV cell", nameof(runId));
        return runId;
    }

    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Flushes to the OS and, for files, to the disk: the folder rename that follows must publish complete data.</summary>
    public void Flush()
    {
        ThrowIfDisposed();
        Writer.Flush();
        if (_stream is FileStream file) file.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        if (_disposed) return;
        try { Flush(); }
        finally
        {
            _disposed = true;
            Writer.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
