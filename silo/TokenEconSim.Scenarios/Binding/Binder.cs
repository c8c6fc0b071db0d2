using System.Collections;
using System.Reflection;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Binding;

/// <summary>
/// Binds a <see cref="MappingNode"/> tree onto the Domain's section classes by reflection: key
/// <c>snake_case</c> ↔ property <c>PascalCase</c>, with no per-key code, so a property added to
/// the Domain is a key here at once. Every error is recorded and binding goes on, so one pass
/// reports everything wrong with a file. A key that fails keeps its default and its dotted path
/// goes into <see cref="FailedPaths"/>, so cross-field checks can skip values nobody wrote.
/// </summary>
internal sealed class Binder(List<ScenarioError> errors)
{
    private static readonly MethodInfo ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public HashSet<string> FailedPaths { get; } = [];

    public Scenario BindScenario(MappingNode root) => (Scenario)BindSection(typeof(Scenario), null, root, "");

    /// <summary>
    /// Binds onto a shallow copy of <paramref name="existing"/> (the parent's initialiser value,
    /// so a default set there is kept), or onto a new instance. Copying, not mutating, keeps a
    /// shared default object (a static, say) untouched.
    /// </summary>
    public object BindSection(Type type, object? existing, MappingNode node, string path)
    {
        var instance = existing != null ? ShallowCopy.Invoke(existing, null)! : Activator.CreateInstance(type)!;
        var keys = ScenarioSchema.KeysOf(type);
        foreach (var entry in node.Entries)
        {
            var key = keys.FirstOrDefault(k => k.Name == entry.Key.Value);
            if (key == null)
            {
                UnknownKey(entry.Key, keys.Select(k => k.Name), path);
                continue;
            }
            var keyPath = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            if (TryBind(key.Type, key, key.Property.GetValue(instance), entry.Value, keyPath, out var value))
                key.Property.SetValue(instance, value);
            else
                FailedPaths.Add(keyPath);
        }
        return instance;
    }

    private void UnknownKey(ScalarNode key, IEnumerable<string> valid, string section)
    {
        // `extends` is consumed before binding, but a misspelt one should still be suggested.
        var candidates = section.Length == 0 ? [.. valid, "extends"] : valid.ToList();
        var where = section.Length == 0 ? "unknown top-level key" : "unknown key";
        var inSection = section.Length == 0 ? "" : $" in section '{section}'";
        var hint = Suggestions.Closest(key.Value, candidates) is { } s
            ? $"did you mean '{s}'?"
            : $"valid keys: {string.Join(", ", candidates)}";
        errors.Add(key.At.Error($"{where} '{key.Value}'{inSection}; {hint}"));
    }

    private bool TryBind(Type type, SchemaKey key, object? current, SourceNode node, string path, out object? value)
    {
        value = null;
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            if (node is ScalarNode { IsNull: true }) return true;
            type = inner;
        }
        if (ScalarParser.IsLeaf(type)) return TryBindLeaf(type, key, node, path, out value);
        if (ScenarioSchema.IsList(type, out var element)) return TryBindList(type, element, key, node, path, out value);
        if (ScenarioSchema.IsSection(type))
        {
            switch (node)
            {
                case MappingNode m:
                    value = BindSection(type, current, m, path);
                    return true;
                case ScalarNode { IsNull: true }:
                    // `outputs:` with nothing under it: the section's defaults.
                    value = current ?? Activator.CreateInstance(type);
                    return true;
            }
            return Fail(node, path, type, out value);
        }
        throw new NotSupportedException($"scenario key {path} has type {type}, which the binder does not support");
    }

    private bool TryBindLeaf(Type type, SchemaKey key, SourceNode node, string path, out object? value)
    {
        value = null;
        if (node is not ScalarNode scalar) return Fail(node, path, type, out value);
        if (!ScalarParser.TryParse(type, scalar, out value, out var error))
        {
            errors.Add(node.At.Error($"{path}: {error}"));
            return false;
        }
        if (ConstraintError(key, value) is { } violated)
        {
            errors.Add(node.At.Error($"{path}: {violated}"));
            return false;
        }
        return true;
    }

    private bool TryBindList(Type type, Type element, SchemaKey key, SourceNode node, string path, out object? value)
    {
        value = null;
        var items = node switch
        {
            SequenceNode q => q.Items,
            ScalarNode { IsNull: true } => [],
            _ => null,
        };
        if (items == null) return Fail(node, path, type, out value);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            // A list key's [Range]/[Samples] apply to each element.
            if (TryBind(element, key, null, items[i], $"{path}[{i}]", out var item)) list.Add(item);
            else ok = false;
        }
        if (!ok) return false;
        if (type.IsArray)
        {
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            value = array;
        }
        else
        {
            value = list;
        }
        return true;
    }

    private bool Fail(SourceNode node, string path, Type type, out object? value)
    {
        value = null;
        var got = node switch
        {
            MappingNode => "a mapping",
            SequenceNode => "a list",
            ScalarNode { IsNull: true } => "an empty value",
            ScalarNode s => $"'{s.Value}'",
            _ => "something else",
        };
        errors.Add(node.At.Error($"{path}: expected {ScalarParser.Expected(type)}, got {got}"));
        return false;
    }

    /// <summary>The reason a parsed value breaks the key's [Range] or [Samples], or null.</summary>
    private static string? ConstraintError(SchemaKey key, object? value)
    {
        if (key.Range is { } r && value is int or long or double)
        {
            var x = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            var belowMin = r.MinExclusive ? x <= r.Min : x < r.Min;
            if (belowMin || x > r.Max)
                return $"{ScenarioSchema.Format(x)} is out of range; valid: {ScenarioSchema.ConstraintText(key)}";
        }
        if (key.Samples is { } s && value is Distribution d)
        {
            if (s.Domain == SampleDomain.UnitInterval && !d.IsUnitInterval)
                return $"{d} can give values outside [0, 1], but samples must lie in [0, 1]; use e.g. beta(a,b), uniform(a,b) with 0 ≤ a < b ≤ 1, "
                    + "or const(x) with 0 ≤ x ≤ 1";
            if (s.Domain == SampleDomain.NonNegative && !d.IsNonNegative)
                return $"{d} can give negative values, but samples must be ≥ 0; use e.g. poisson(λ), gamma(k,θ), lognormal(μ,σ), exp(m), or "
                    + "uniform/const with no negative values";
        }
        return null;
    }
}
