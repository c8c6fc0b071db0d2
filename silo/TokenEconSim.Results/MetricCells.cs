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
    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53

    /// <summary>
    /// How the column's cells are written, from its declaration: whole base units exactly (8 decimals
    /// from the long), a derived token amount (a mean) as a fractional token, counts and flags as
    /// integers, anything else as <see cref="Real"/>.
    /// </summary>
    public static Func<EpochMetrics, string> For(MetricColumn column)
    {
        if (column.IsExactTokens)
        {
            var stored = (StoredColumn)column;
            return m => TokenUnits.Format(m.RawValue(stored));
        }
        if (column.Unit == MetricUnit.Tokens)
            return column is DerivedColumn ? m => FractionalTokens(column.Read(m)) : m => Tokens(column.Read(m));
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
