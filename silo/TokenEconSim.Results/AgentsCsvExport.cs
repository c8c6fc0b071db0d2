using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace TokenEconSim.Results;

/// <summary>
/// agents.parquet as CSV, row group by row group, so memory stays at one row group whatever the file's size: what `silo agents --csv`
/// streams for readers without a Parquet library (the Python package falls back to it when pyarrow is absent). Columns as in the file
/// (<see cref="AgentsParquetWriter.Schema"/>), a null cell empty, doubles in round-trip form, booleans true/false; UTF-8, "\n".
/// </summary>
public static class AgentsCsvExport
{
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(Stream parquet, TextWriter csv, CancellationToken ct = default)
    {
        await using var reader = await ParquetReader.CreateAsync(parquet, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        csv.Write(string.Join(',', fields.Select(f => f.Name)));
        csv.Write('\n');
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var columns = new Func<int, string>[fields.Length];
            for (var c = 0; c < fields.Length; c++) columns[c] = await ReadAsync(group, fields[c], n, ct);
            // One write per row group: a console writer flushes on every write.
            var text = new StringBuilder(n * 160);
            for (var k = 0; k < n; k++)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    if (c > 0) text.Append(',');
                    text.Append(columns[c](k));
                }
                text.Append('\n');
            }
            await csv.WriteAsync(text, ct);
            rows += n;
        }
        return rows;
    }

    /// <summary>One column of a row group, as a cell formatter by row.</summary>
    private static async Task<Func<int, string>> ReadAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
    {
        if (IsText(field))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory(), null, ct);
            return k => values[k] ?? "";
        }
        if (field.ClrType == typeof(int)) return await ReadAsync<int>(group, field, n, v => v.ToString(CultureInfo.InvariantCulture), ct);
        if (field.ClrType == typeof(long)) return await ReadAsync<long>(group, field, n, v => v.ToString(CultureInfo.InvariantCulture), ct);
        if (field.ClrType == typeof(double)) return await ReadAsync<double>(group, field, n, MetricCells.Real, ct);
        if (field.ClrType == typeof(bool)) return await ReadAsync<bool>(group, field, n, v => v ? "true" : "false", ct);
        throw new InvalidDataException($"column {field.Name}: type {field.ClrType.Name} is not one agents.parquet has");
    }

    /// <summary>A column's type as docs/model.md §17.8 lists it: string, int32, int64, double, boolean.</summary>
    public static string TypeName(DataField field) => IsText(field) ? "string" : field.ClrType.Name switch
    {
        nameof(Int32) => "int32",
        nameof(Int64) => "int64",
        nameof(Double) => "double",
        nameof(Boolean) => "boolean",
        var other => other,
    };

    // Parquet.Net 6 reads strings as ReadOnlyMemory<char> columns.
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static async Task<Func<int, string>> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int n, Func<T, string> format,
        CancellationToken ct) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[n];
            await group.ReadAsync<T>(field, nullable.AsMemory(), null, ct);
            return k => nullable[k] is { } v ? format(v) : "";
        }
        var values = new T[n];
        await group.ReadAsync<T>(field, values.AsMemory(), null, ct);
        return k => format(values[k]);
    }
}
