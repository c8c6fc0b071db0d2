using System.Text;

namespace TokenEconSim.Domain.Parameters;

/// <summary>
/// PascalCase (C#) ↔ snake_case (YAML), for property names and enum members alike: the one rule
/// that names every scenario key and enum value, so an enum member's name in a scenario, a CSV or
/// a message is derived from the member and spelled nowhere else.
/// </summary>
public static class Naming
{
    /// <summary>An enum member's scenario name: <c>DifficultyAlgorithmKind.LstmAsert</c> → <c>lstm_asert</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => ToSnakeCase(value.ToString());

    /// <summary>
    /// <c>AgentsPerGrain</c> → <c>agents_per_grain</c>, <c>CGpu</c> → <c>c_gpu</c>,
    /// <c>HTTPPort</c> → <c>http_port</c>, <c>Sha256Rounds</c> → <c>sha256_rounds</c>.
    /// An underscore goes before a capital that follows a lower-case letter or digit, or that
    /// starts a new word after a run of capitals.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
