using System.Globalization;
using System.Text;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Schema;

namespace TokenEconSim.Scenarios;

/// <summary>
/// A scenario → YAML with every key and its effective value, in declaration order. This is the
/// "resolved scenario" stored beside a run's results: it must load back to the same scenario
/// (doubles round-trip with "R", strings are always double-quoted) so a run can be repeated from it.
/// </summary>
public static class ScenarioWriter
{
    /// <remarks>The network section is left out while it is all defaults (network.topology none, nothing else written): it changes nothing
    /// then, and every scenario.yaml written before it existed stays byte for byte what it was.</remarks>
    public static string ToYaml(Scenario s, string? headerComment = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var quietNetwork = WriteRoot(s.Network) == WriteRoot(new NetworkSection());
        return WriteRoot(s, headerComment, key => quietNetwork && key.Property == NetworkKey);
    }

    private static readonly System.Reflection.PropertyInfo NetworkKey = typeof(Scenario).GetProperty(nameof(Scenario.Network))!;

    /// <summary>
    /// The scenario's canonical text, which <see cref="RunIdentity"/> hashes: the keys whose value differs from the key's default, in
    /// <see cref="ToYaml"/>'s form, without the keys that change no result — run.agents_per_grain (sharding) and the outputs section
    /// (which files are written), with rewards.scoring raw the rewards.yuma section, which only yuma scoring reads, and with
    /// network.topology none the network section, which nothing reads then. It names the simulated economy (the seed included) and
    /// nothing else, and a key added later at a default that changes nothing leaves every existing run's id as it was.
    /// </summary>
    public static string ToCanonicalYaml(Scenario s)
    {
        var sb = new StringBuilder();
        WriteChanged(sb, s, new Scenario(), 0, key => key.Type == typeof(OutputsSection) || key.Property == ShardingKey
            || (s.Rewards.Scoring == RewardScoring.Raw && key.Property == YumaKey) || (!s.Network.Enabled && key.Property == NetworkKey));
        return sb.ToString();
    }

    /// <summary>The keys of <paramref name="section"/> whose text differs from <paramref name="defaults"/>', sub-sections key by key.</summary>
    private static void WriteChanged(StringBuilder sb, object section, object defaults, int indent, Func<SchemaKey, bool> omit)
    {
        foreach (var key in ScenarioSchema.KeysOf(section.GetType()).Where(k => !omit(k)))
        {
            object? value = key.Property.GetValue(section), fallback = key.Property.GetValue(defaults);
            if (value != null && fallback != null && value.GetType() == fallback.GetType() && ScenarioSchema.IsSection(key.Type)
                && ScenarioSchema.KeysOf(value.GetType()).Count > 0)
            {
                var inner = new StringBuilder();
                WriteChanged(inner, value, fallback, indent + 2, omit);
                if (inner.Length > 0) sb.Append(' ', indent).Append(key.Name).Append(":\n").Append(inner);
                continue;
            }
            StringBuilder text = new(), defaultText = new();
            WriteKey(text, key, value, indent);
            WriteKey(defaultText, key, fallback, indent);
            if (!text.Equals(defaultText)) sb.Append(text);
        }
    }

    private static readonly System.Reflection.PropertyInfo ShardingKey = typeof(RunSection).GetProperty(nameof(RunSection.AgentsPerGrain))!;
    private static readonly System.Reflection.PropertyInfo YumaKey = typeof(RewardsSection).GetProperty(nameof(RewardsSection.Yuma))!;

    /// <summary>Any section object as a YAML document; <see cref="ToYaml"/> is this for a whole scenario.</summary>
    internal static string WriteRoot(object root, string? headerComment = null, Func<SchemaKey, bool>? omit = null)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(headerComment))
        {
            foreach (var line in headerComment.ReplaceLineEndings("\n").Split('\n'))
                sb.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
            sb.Append('\n');
        }
        var first = true;
        foreach (var key in ScenarioSchema.KeysOf(root.GetType()))
        {
            if (omit?.Invoke(key) == true) continue;
            if (!first) sb.Append('\n');   // a blank line between top-level sections, for reading
            first = false;
            WriteKey(sb, key, key.Property.GetValue(root), 0, omit);
        }
        return sb.ToString();
    }

    private static void WriteMapping(StringBuilder sb, object section, int indent, Func<SchemaKey, bool>? omit = null)
    {
        foreach (var key in ScenarioSchema.KeysOf(section.GetType()))
            if (omit?.Invoke(key) != true) WriteKey(sb, key, key.Property.GetValue(section), indent, omit);
    }

    private static void WriteKey(StringBuilder sb, SchemaKey key, object? value, int indent, Func<SchemaKey, bool>? omit = null)
    {
        var pad = new string(' ', indent);
        if (value != null && ScenarioSchema.IsSection(key.Type))
        {
            if (ScenarioSchema.KeysOf(value.GetType()).Count == 0)
            {
                sb.Append(pad).Append(key.Name).Append(": {}\n");
                return;
            }
            sb.Append(pad).Append(key.Name).Append(":\n");
            WriteMapping(sb, value, indent + 2, omit);
            return;
        }
        if (value is System.Collections.IEnumerable items and not string && ScenarioSchema.IsList(key.Type, out _))
        {
            var list = items.Cast<object?>().ToList();
            if (list.Count == 0)
            {
                sb.Append(pad).Append(key.Name).Append(": []\n");
                return;
            }
            sb.Append(pad).Append(key.Name).Append(":\n");
            foreach (var item in list) WriteListItem(sb, item, indent + 2);
            return;
        }
        sb.Append(pad).Append(key.Name).Append(": ").Append(FormatScalar(value)).Append('\n');
    }

    private static void WriteListItem(StringBuilder sb, object? item, int indent)
    {
        var pad = new string(' ', indent);
        if (item != null && ScenarioSchema.IsSection(item.GetType()) && ScenarioSchema.KeysOf(item.GetType()).Count > 0)
        {
            // "- " opens the item; its keys sit two columns further in, the first on the dash's line.
            var body = new StringBuilder();
            WriteMapping(body, item, indent + 2);
            sb.Append(pad).Append("- ").Append(body.ToString(indent + 2, body.Length - indent - 2));
            return;
        }
        sb.Append(pad).Append("- ").Append(FormatScalar(item)).Append('\n');
    }

    /// <summary>A leaf value as the loader reads it back.</summary>
    internal static string FormatScalar(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Distribution d => d.ToString(),
        ShardSize s => s.ToString(),
        Enum e => Naming.ToSnakeCase(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"cannot write a scenario value of type {value.GetType()}"),
    };

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
