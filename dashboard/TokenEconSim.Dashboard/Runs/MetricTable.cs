using System.Globalization;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;
using TokenEconSim.Results;

namespace TokenEconSim.Dashboard.Runs;

/// <summary>
/// A run's metrics as the pages chart them: metrics.csv's column names and one row of numbers per
/// epoch, token amounts in tokens, an undefined value (no block in the epoch) as null. Live rows and
/// rows read back from a finished metrics.csv take the same shape.
/// </summary>
public static class MetricTable
{
    /// <summary>The column names of a run with this layout, as its metrics.csv has them.</summary>
    public static IReadOnlyList<string> Columns(MetricLayout layout) => [.. layout.Columns.Select(c => c.Name)];

    /// <summary>
    /// Memory one kept row takes: a double? (16 bytes) per column (every column: an upper bound for any layout), the array's header and the
    /// list's reference to it.
    /// </summary>
    public static int RowBytes { get; } = MetricColumns.All.Count * 16 + 32;

    public static double?[] Row(EpochMetrics m, MetricLayout layout)
    {
        var row = new double?[layout.Columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var column = layout.Columns[i];
            var value = column.Read(m);
            if (column.Unit == MetricUnit.Tokens) value /= TokenUnits.PerToken;
            row[i] = double.IsFinite(value) ? value : null;
        }
        return row;
    }

    /// <summary>Reads a finished run's metrics.csv (written by the results writer: invariant culture, no quoting); its leading run_id
    /// column (text, the same on every row) is left out, so the columns are the metrics' as a live run lists them.</summary>
    public static (IReadOnlyList<string> Columns, IReadOnlyList<double?[]> Rows) ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',');
        var skip = header.Length > 0 && header[0] == RunFiles.RunIdColumn ? 1 : 0;
        var columns = header[skip..];
        var rows = new List<double?[]>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            var row = new double?[columns.Length];
            for (var i = 0; i < row.Length && i + skip < cells.Length; i++)
            {
                var cell = cells[i + skip];
                row[i] = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
            }
            rows.Add(row);
        }
        return (columns, rows);
    }
}
