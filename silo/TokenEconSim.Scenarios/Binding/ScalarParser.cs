using System.Globalization;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Binding;

/// <summary>
/// Scalar text → a leaf value of the model's type. A failure gives the whole message after the
/// key's path, naming the expected type and the value written. Quoted and plain scalars are read
/// alike (a researcher writing epochs: "10" means 10); only a plain empty value, ~ or null is null.
/// </summary>
internal static class ScalarParser
{
    public static bool IsLeaf(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(double) || type == typeof(Distribution) || type == typeof(ShardSize) || type.IsEnum;

    public static bool TryParse(Type type, ScalarNode scalar, out object? value, out string error)
    {
        value = null;
        error = "";
        var text = scalar.Value.Trim();
        if (scalar.IsNull)
        {
            error = $"expected {Expected(type)}, got an empty value";
            return false;
        }
        if (type == typeof(string))
        {
            value = scalar.Value;
            return true;
        }
        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var b)) value = b;
            else error = $"expected true or false, got '{scalar.Value}'";
            return value != null;
        }
        if (type == typeof(int) || type == typeof(long))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                error = $"expected an integer, got '{scalar.Value}'";
            else if (type == typeof(int) && l is < int.MinValue or > int.MaxValue)
                error = $"expected an integer between {int.MinValue} and {int.MaxValue}, got '{scalar.Value}'";
            else
                value = type == typeof(int) ? (object)(int)l : l;   // box as the property's own type
            return value != null;
        }
        if (type == typeof(double))
        {
            // NumberStyles.Float would accept "Infinity" and "NaN"; no parameter may be either.
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                value = d;
            else
                error = $"expected a number, got '{scalar.Value}'";
            return value != null;
        }
        if (type == typeof(Distribution)) return TryParseDistribution(text, out value, out error);
        if (type == typeof(ShardSize))
        {
            var ok = ShardSize.TryParse(text, out var size, out error);
            value = ok ? size : null;
            return ok;
        }
        if (type.IsEnum) return TryParseEnum(type, text, out value, out error);
        throw new NotSupportedException($"scenario keys of type {type} are not supported by the binder");
    }

    private static bool TryParseDistribution(string text, out object? value, out string error)
    {
        value = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            // The likeliest slip: a bare number where a distribution goes. Say how to write it.
            error = $"expected a distribution such as poisson(100) or beta(8,2), got the number {text}; write const({text}) for a fixed value";
            return false;
        }
        if (text.Contains('(') && !text.Contains(')'))
        {
            // `{quality: beta(8,2)}` or `[beta(8,2)]`: YAML splits flow collections at commas.
            error = $"'{text}' is cut off at a comma: inside [ ] or {{ }} YAML splits values at commas; quote the distribution, e.g. "
                + $"\"{text},…)\", or use block style";
            return false;
        }
        if (!Distribution.TryParse(text, out var d, out error)) return false;
        value = d;
        return true;
    }

    private static bool TryParseEnum(Type type, string text, out object? value, out string error)
    {
        var names = ScenarioSchema.EnumNames(type);
        var index = names.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            value = Enum.GetValues(type).GetValue(index);
            error = "";
            return true;
        }
        value = null;
        var suggestion = Suggestions.Closest(text, names);
        error = $"unknown value '{text}'; known: {string.Join(", ", names)}" + (suggestion != null ? $"; did you mean '{suggestion}'?" : "");
        return false;
    }

    /// <summary>"an integer", "a number", "one of: pool, absolute", …: what a key of this type takes.</summary>
    public static string Expected(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Expected(inner) + " or null";
        if (type == typeof(int) || type == typeof(long)) return "an integer";
        if (type == typeof(double)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        if (type == typeof(Distribution)) return "a distribution such as poisson(100) or beta(8,2)";
        if (type == typeof(ShardSize)) return $"auto or an integer from 1 to {ShardSize.Max}";
        if (type.IsEnum) return "one of: " + string.Join(", ", ScenarioSchema.EnumNames(type));
        if (ScenarioSchema.IsList(type, out var element)) return $"a list of {ScenarioSchema.TypeName(element)} values";
        if (ScenarioSchema.IsSection(type))
            return $"a section of keys ({string.Join(", ", ScenarioSchema.KeysOf(type).Select(k => k.Name))})";
        return type.Name;
    }
}
