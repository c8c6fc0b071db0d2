using System.Globalization;
using System.Text.Json;

namespace TokenEconSim.Results.Report;

/// <summary>
/// summary.json as the report's tables, read from the JSON itself so that the report shows every key the file has, no more and no
/// fewer: its values one per row (an object of values, e.g. rewards by role, one row per entry), and an object of objects (the
/// incentives per role) as a table with one column per entry. A token amount shows its exact twin (<see cref="RunSummary.ExactSuffix"/>).
/// </summary>
internal static class SummaryTables
{
    /// <summary>A table: its name (empty for the main one), column heads after the key column, and rows of cells.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Heads, IReadOnlyList<(string Key, IReadOnlyList<string> Cells)> Rows);

    public static IReadOnlyList<Table> Of(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var json = JsonDocument.Parse(summary.ToJson());
        var main = new List<(string, IReadOnlyList<string>)>();
        var tables = new List<Table>();
        foreach (var (name, value, exact) in Entries(json.RootElement))
        {
            if (value.ValueKind != JsonValueKind.Object) main.Add((name, [Cell(value, exact)]));
            else if (value.EnumerateObject().All(p => p.Value.ValueKind != JsonValueKind.Object))
                main.AddRange(Entries(value, exact).Select(e => ($"{name}: {e.Name}", (IReadOnlyList<string>)[Cell(e.Value, e.Exact)])));
            else tables.Add(Matrix(name, value));
        }
        return [new Table("", ["value"], main), .. tables];
    }

    /// <summary>Rows: the inner keys (of the first entry); columns: the entries.</summary>
    private static Table Matrix(string name, JsonElement value)
    {
        var columns = value.EnumerateObject().ToList();
        var keys = columns[0].Value.EnumerateObject().Select(p => p.Name).ToList();
        return new Table(name, [.. columns.Select(c => c.Name)],
            [.. keys.Select(k => (k, (IReadOnlyList<string>)[.. columns.Select(c => c.Value.TryGetProperty(k, out var v) ? Cell(v, null) : "")]))]);
    }

    /// <summary>An object's entries with each one's exact twin (from the object itself or its twin object); the twins are not entries.</summary>
    private static IEnumerable<(string Name, JsonElement Value, JsonElement? Exact)> Entries(JsonElement obj, JsonElement? twin = null)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Name.EndsWith(RunSummary.ExactSuffix, StringComparison.Ordinal)
                && obj.TryGetProperty(p.Name[..^RunSummary.ExactSuffix.Length], out _)) continue;
            JsonElement? exact = obj.TryGetProperty(p.Name + RunSummary.ExactSuffix, out var e) ? e
                : twin is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty(p.Name, out var te) ? te : null;
            yield return (p.Name, p.Value, exact);
        }
    }

    /// <summary>A value as text: the exact twin of a token amount, integers as written, other numbers to 6 significant digits.</summary>
    private static string Cell(JsonElement value, JsonElement? exact) => value.ValueKind switch
    {
        JsonValueKind.Null => "—",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when exact is { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetDouble().ToString("G6", CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
