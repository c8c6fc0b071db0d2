using System.Globalization;

namespace TokenEconSim.Domain.Tokens;

/// <summary>
/// Balances are integers of base units (10⁻⁸ token, as Bitcoin's satoshi), so that sums are exact
/// and associative: however agents are sharded, every total is the same integer.
/// </summary>
public static class TokenUnits
{
    public const long PerToken = 100_000_000;

    /// <summary>Tokens to base units, rounding down (never mints a fraction of a unit).</summary>
    public static long FromTokens(double tokens)
    {
        if (!double.IsFinite(tokens)) throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "token amount must be finite");
        // In decimal, not double: 0.29 * 1e8 is 28999999.999999996 in binary floating point, and
        // an amount written in whole base units must convert to exactly those units.
        return (long)decimal.Floor((decimal)tokens * PerToken);
    }

    public static double ToTokens(long units) => units / (double)PerToken;

    /// <summary>Exact decimal text of an amount, e.g. 100000000 → "1.00000000".</summary>
    public static string Format(long units)
    {
        var sign = units < 0 ? "-" : "";
        var magnitude = units < 0 ? (ulong)(-(Int128)units) : (ulong)units;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / PerToken}.{magnitude % PerToken:D8}");
    }
}
