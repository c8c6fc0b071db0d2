using System.Globalization;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Domain.Tokens;

namespace TokenEconSim.Results;

/// <summary>
/// Text of one metrics.csv cell. Invariant culture and "R" (shortest round-trip) formatting make
/// the same rows give the same bytes on every machine; NaN (an undefined value) is an empty cell.
/// </summary>
internal static class MetricCells
{
    /// <summary>One formatter per <see cref="MetricColumns.All"/> entry, in column order.</summary>
    public static readonly IReadOnlyList<Func<EpochMetrics, string>> Formatters = MetricColumns.All.Select(For).ToArray();

    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53

    private static Func<EpochMetrics, string> For(MetricColumn column)
    {
        if (column.Unit == MetricUnit.Tokens)
        {
            if (ExactTokenColumns.TryGet(column.Name, out var exact))
                return m => TokenUnits.Format(exact(m));
            if (column.Name.StartsWith("reward_mean_", StringComparison.Ordinal))
                return m => FractionalTokens(column.Read(m));
            return m => Tokens(column.Read(m));
        }
        if (column.Unit is MetricUnit.Count or MetricUnit.Flag)
            return m => Integer(column.Read(m));
        return m => Real(column.Read(m));
    }

    public static string Real(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Whole numbers as plain integers ("R" would write 1E+16); anything else as <see cref="Real"/>.</summary>
    public static string Integer(double value) =>
        IsExactInteger(value) ? ((long)value).ToString(CultureInfo.InvariantCulture) : Real(value);

    /// <summary>Base units to tokens: exact 8-decimal text for whole units, else the fractional form.</summary>
    public static string Tokens(double units) =>
        IsExactInteger(units) ? TokenUnits.Format((long)units) : FractionalTokens(units);

    public static string FractionalTokens(double units) => Real(units / TokenUnits.PerToken);

    private static bool IsExactInteger(double value) =>
        double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) <= MaxExactInteger;
}
