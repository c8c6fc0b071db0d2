using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TokenEconSim.Silo.Cli;

/// <summary>
/// Integer options that refuse bad values as parse errors (exit 2) with a message a researcher can
/// read. System.CommandLine's own conversion names .NET types, and a validator that reads a value
/// it failed to convert throws out of Parse (an unhandled exception): so every integer option
/// parses its token here, once.
/// </summary>
internal static class IntegerOption
{
    /// <summary>An int option with a default, refused outside [min, max]; <paramref name="why"/> explains the minimum.</summary>
    public static Option<int> Create(string name, string description, int defaultValue, int min, int max = int.MaxValue,
        string? why = null) => new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => (int)(Parse(r, min, max, why) ?? defaultValue),
        };

    /// <summary>An int option that may be left out (null).</summary>
    public static Option<int?> Optional(string name, string description, int min, int max = int.MaxValue) => new(name)
    {
        Description = description,
        CustomParser = r => (int?)Parse(r, min, max, null),
    };

    /// <summary>The token as an integer in [min, max], or null with an error added to the parse.</summary>
    public static long? Parse(ArgumentResult result, long min, long max, string? why)
    {
        var name = result.Parent is OptionResult o ? o.Option.Name : "value";
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{text}' is not an integer");
            return null;
        }
        if (value >= min && value <= max) return value;
        var because = why is null ? "" : $" ({why})";
        result.AddError(value < min && max is int.MaxValue or long.MaxValue
            ? $"{name} must be ≥ {min}{because}, got {value}"
            : $"{name}: {value} is out of range [{min}, {max}]{because}");
        return null;
    }
}
