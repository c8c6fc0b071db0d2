using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Binding;
using TokenEconSim.Scenarios.Schema;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// Checks a swept dotted path against the schema before any value is tried, so a typo is one
/// error at the key (with "did you mean") instead of one per run.
/// </summary>
internal static class SweepPaths
{
    /// <summary>The reason <paramref name="path"/> cannot be swept, or null when it names a single-valued key.</summary>
    public static string? Problem(string path)
    {
        if (path == "run.seed") return "run.seed is set by sweep.seeds (a count or a list of seeds), not swept as a parameter";
        var segments = path.Split('.');
        if (segments.Any(s => s.Length == 0)) return $"'{path}' is not a dotted key such as run.epochs or populations.users.count";
        var type = typeof(Scenario);
        var prefix = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var keys = ScenarioSchema.KeysOf(type);
            var key = keys.FirstOrDefault(k => k.Name == segments[i]);
            if (key == null)
            {
                var names = keys.Select(k => k.Name).ToList();
                var inSection = prefix.Length == 0 ? "at the top level" : $"in section '{prefix}'";
                return Suggestions.Closest(segments[i], names) is { } s
                    ? $"unknown key '{segments[i]}' {inSection}; did you mean '{Join(prefix, s)}'?"
                    : $"unknown key '{segments[i]}' {inSection}; valid keys: {string.Join(", ", names)}";
            }
            prefix = Join(prefix, key.Name);
            var keyType = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
            var last = i == segments.Length - 1;
            if (ScenarioSchema.IsSection(keyType))
            {
                if (last)
                    return $"'{prefix}' is a section; sweep one of its keys: {string.Join(", ", ScenarioSchema.KeysOf(keyType).Select(k => k.Name))}";
                type = keyType;
                continue;
            }
            if (!last) return $"'{prefix}' is a value, not a section, so '{path}' names nothing";
            // A sweep value is one `--set` text; a list would need a list syntax there first.
            if (ScenarioSchema.IsList(keyType, out _)) return $"'{prefix}' is a list; only single-valued keys can be swept";
        }
        return null;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
