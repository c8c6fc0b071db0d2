using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// Streams metrics.csv one epoch at a time, so a long run never holds its rows just to write them.
/// Header = <see cref="MetricColumns.All"/> names; UTF-8 without BOM; "\n" line endings.
/// </summary>
public sealed class MetricsCsvWriter(Stream destination) : CsvStreamWriter(destination, Header)
{
    public static string Header { get; } = string.Join(',', MetricColumns.All.Select(c => c.Name));

    public void Write(EpochMetrics row)
    {
        ThrowIfDisposed();
        var formatters = MetricCells.Formatters;
        for (var i = 0; i < formatters.Count; i++)
        {
            if (i > 0) Writer.Write(',');
            Writer.Write(formatters[i](row));
        }
        Writer.Write('\n');
    }
}
