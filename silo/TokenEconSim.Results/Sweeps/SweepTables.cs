using System.Globalization;
using System.Text;

namespace TokenEconSim.Results.Sweeps;

/// <summary>
/// runs.csv: one row per run (run index, point, the point's parameters, seed, folder, every summary
/// metric, the objective when the sweep has one). Only what the scenario and seed determine goes
/// in, no timing, so an interrupted and resumed sweep writes the same bytes as an uninterrupted one.
/// </summary>
public sealed class RunsCsv(Stream destination, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, bool objective)
    : CsvStreamWriter(destination, Header(parameters, metrics, objective))
{
    public static RunsCsv Create(string path, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, bool objective) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), parameters, metrics, objective);

    public void Append(int run, int point, IReadOnlyList<string> parameterValues, long seed, string folder, IReadOnlyList<string> metricCells,
        double? objective)
    {
        ThrowIfDisposed();
        var cells = new List<string> { I(run), I(point) };
        cells.AddRange(parameterValues);
        cells.Add(seed.ToString(CultureInfo.InvariantCulture));
        cells.Add(folder);
        cells.AddRange(metricCells);
        if (objective is { } o) cells.Add(SweepCsv.Number(o));
        SweepCsv.WriteRow(Writer, cells);
        Writer.Flush(); // a row per finished run, visible at once to a reader (the dashboard)
    }

    private static string Header(IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, bool objective) =>
        SweepCsv.Row(["run", "point", .. parameters, "seed", "folder", .. metrics, .. (objective ? new[] { "objective" } : [])]);

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// points.csv: one row per parameter point: its parameters, the number of seeds, and for every
/// metric (and the objective) the mean, sample std and 95 % CI over seeds (<see cref="PointStatistics"/>).
/// </summary>
public sealed class PointsCsv(Stream destination, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics)
    : CsvStreamWriter(destination, Header(parameters, metrics))
{
    public static PointsCsv Create(string path, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), parameters, metrics);

    /// <param name="stats">One per metric, in the header's order.</param>
    public void Append(int point, IReadOnlyList<string> parameterValues, int seeds, IReadOnlyList<PointStatistics> stats)
    {
        ThrowIfDisposed();
        var cells = new List<string> { point.ToString(CultureInfo.InvariantCulture) };
        cells.AddRange(parameterValues);
        cells.Add(seeds.ToString(CultureInfo.InvariantCulture));
        foreach (var s in stats)
            cells.AddRange([SweepCsv.Number(s.Mean), SweepCsv.Number(s.Std), SweepCsv.Number(s.Low), SweepCsv.Number(s.High)]);
        SweepCsv.WriteRow(Writer, cells);
        Writer.Flush();
    }

    private static string Header(IReadOnlyList<string> parameters, IReadOnlyList<string> metrics) =>
        SweepCsv.Row(["point", .. parameters, "seeds", .. metrics.SelectMany(m => new[] { m + "_mean", m + "_std", m + "_ci95_low", m
            + "_ci95_high" })]);
}

/// <summary>The CSV conventions of the sweep tables: invariant culture, "R" doubles, empty for undefined, RFC 4180 quoting.</summary>
public static class SweepCsv
{
    public static string Number(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Row(IEnumerable<string> cells) => string.Join(",", cells.Select(Quote));

    internal static void WriteRow(TextWriter writer, IEnumerable<string> cells)
    {
        writer.Write(Row(cells));
        writer.Write('\n');
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The cells of one line <see cref="Row"/> wrote: a quoted cell keeps its commas, "" inside it is
    /// one quote. Lines only (the tables' cells hold no line breaks). By hand: a dozen lines, where a
    /// CSV library would be a dependency for reading back our own two tables.
    /// </summary>
    public static string[] ParseRow(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}
