using System.Text;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// Streams metrics.csv one epoch at a time, so a long run never holds its rows just to write them.
/// Header = <see cref="MetricColumns.All"/> names; UTF-8 without BOM; "\n" line endings.
/// </summary>
public sealed class MetricsCsvWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly StreamWriter _writer;
    private bool _disposed;

    /// <summary>Writes the header at once; takes ownership of <paramref name="destination"/>.</summary>
    public MetricsCsvWriter(Stream destination)
    {
        _stream = destination;
        _writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _writer.Write(Header);
        _writer.Write('\n');
    }

    public static string Header { get; } = string.Join(',', MetricColumns.All.Select(c => c.Name));

    public void Write(EpochMetrics row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var formatters = MetricCells.Formatters;
        for (var i = 0; i < formatters.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(formatters[i](row));
        }
        _writer.Write('\n');
    }

    /// <summary>Flushes to the OS and, for files, to the disk: the folder rename that follows must publish complete data.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.Flush();
        if (_stream is FileStream file) file.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        if (_disposed) return;
        try { Flush(); }
        finally
        {
            _disposed = true;
            _writer.Dispose();
        }
    }
}
