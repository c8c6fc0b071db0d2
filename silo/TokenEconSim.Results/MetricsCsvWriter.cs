using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// Streams metrics.csv one epoch at a time, so a long run never holds its rows just to write them.
/// Header = the layout's column names (<see cref="MetricLayout.For"/> the run's scenario); UTF-8
/// without BOM; "\n" line endings.
/// </summary>
public sealed class MetricsCsvWriter(Stream destination, MetricLayout layout) : CsvStreamWriter(destination, HeaderOf(layout))
{
    private readonly Func<EpochMetrics, string>[] _cells = [.. layout.Columns.Select(MetricCells.For)];

    public static string HeaderOf(MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return string.Join(',', layout.Columns.Select(c => c.Name));
    }

    public void Write(EpochMetrics row)
    {
        ThrowIfDisposed();
        for (var i = 0; i < _cells.Length; i++)
        {
            if (i > 0) Writer.Write(',');
            Writer.Write(_cells[i](row));
        }
        Writer.Write('\n');
    }
}
