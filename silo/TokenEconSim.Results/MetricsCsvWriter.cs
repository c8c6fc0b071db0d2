using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Results;

/// <summary>
/// Streams metrics.csv one epoch at a time, so a long run never holds its rows just to write them.
/// Header = run_id (<see cref="RunFiles.RunIdColumn"/>), then the layout's column names (<see cref="MetricLayout.For"/> the run's
/// scenario); UTF-8 without BOM; "\n" line endings.
/// </summary>
public sealed class MetricsCsvWriter(Stream destination, MetricLayout layout, string runId) : CsvStreamWriter(destination, HeaderOf(layout))
{
    private readonly Func<EpochMetrics, string>[] _cells = [.. layout.Columns.Select(MetricCells.For)];
    private readonly string _runId = RunIdCell(runId);

    public static string HeaderOf(MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return string.Join(',', layout.Columns.Select(c => c.Name).Prepend(RunFiles.RunIdColumn));
    }

    public void Write(EpochMetrics row)
    {
        ThrowIfDisposed();
        Writer.Write(_runId);
        for (var i = 0; i < _cells.Length; i++)
        {
            Writer.Write(',');
            Writer.Write(_cells[i](row));
        }
        Writer.Write('\n');
    }
}
