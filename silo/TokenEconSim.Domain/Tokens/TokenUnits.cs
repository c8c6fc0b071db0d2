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
        return (long)Math.Floor(tokens * PerToken);
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
