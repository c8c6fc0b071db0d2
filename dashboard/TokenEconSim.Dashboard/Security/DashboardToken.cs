using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace TokenEconSim.Dashboard.Security;

/// <summary>
/// The start-up token as requests present it: <c>Authorization: Bearer &lt;token&gt;</c> (the API; the
/// scheme is case-insensitive, RFC 9110 §11.1) or HTTP Basic with the token as password (what a
/// browser sends for Orleans' dashboard pages after asking for it). A blank token is no token.
/// </summary>
public static class DashboardToken
{
    /// <summary>Null for a missing, empty or blank token: such a token would protect nothing.</summary>
    public static string? Normalize(string? token) => string.IsNullOrWhiteSpace(token) ? null : token;

    /// <summary>True when the header carries <paramref name="expected"/>; never for an empty expected or given value.</summary>
    public static bool Matches(string expected, string? authorization)
    {
        if (Normalize(expected) is null || Given(authorization) is not { Length: > 0 } given) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>The token a header presents, or null when it presents none.</summary>
    public static string? Given(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null) return null;
        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return header.Parameter.Trim();
        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..]; // any user name; the password is the token
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
