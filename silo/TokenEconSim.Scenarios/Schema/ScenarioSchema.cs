using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using TokenEconSim.Domain.Distributions;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Scenarios.Schema;

/// <summary>One settable key of a section class: its YAML name and the property it binds to.</summary>
public sealed record SchemaKey(string Name, PropertyInfo Property)
{
    public Type Type => Property.PropertyType;
    public RangeAttribute? Range => Property.GetCustomAttribute<RangeAttribute>();
    public SamplesAttribute? Samples => Property.GetCustomAttribute<SamplesAttribute>();
}

/// <summary>A leaf key of the whole scenario by dotted path, e.g. <c>populations.data_providers.batch_size</c>.</summary>
public sealed record SchemaLeaf(string Path, SchemaKey Key);

/// <summary>
/// The scenario's keys, read by reflection from the Domain's classes: a new property there is a
/// new key here, with no code to add. The binder, the writer, the README test and any tool that
/// lists keys all see the same list in the same order.
/// </summary>
public static class ScenarioSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<SchemaKey>> Cache = new();

    /// <summary>
    /// The keys of a section class in declaration order, base classes first (so a population's
    /// count and participation come before its role-specific keys). Only properties with a public
    /// setter (init counts) are keys; computed properties are not.
    /// </summary>
    public static IReadOnlyList<SchemaKey> KeysOf(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var chain = new List<Type>();
        for (var c = t; c != null && c != typeof(object); c = c.BaseType) chain.Insert(0, c);
        return [.. chain.SelectMany(c => c
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true && p.SetMethod?.IsPublic == true)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SchemaKey(Naming.ToSnakeCase(p.Name), p)))];
    });

    /// <summary>Every leaf key of the scenario, depth first in declaration order.</summary>
    public static IReadOnlyList<SchemaLeaf> Leaves { get; } = LeavesOf(typeof(Scenario), "");

    private static List<SchemaLeaf> LeavesOf(Type type, string prefix) =>
    [
        .. KeysOf(type).SelectMany(k => IsSection(k.Type)
            ? LeavesOf(k.Type, prefix + k.Name + ".")
            : [new SchemaLeaf(prefix + k.Name, k)]),
    ];

    /// <summary>True for a class bound from a mapping of keys (a section or a sub-section).</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && !type.IsArray && !IsList(type, out _)
        && type.GetConstructor(Type.EmptyTypes) != null;

    /// <summary>True for T[], List&lt;T&gt;, IReadOnlyList&lt;T&gt;, IList&lt;T&gt; and IEnumerable&lt;T&gt;; sets the element type.</summary>
    public static bool IsList(Type type, out Type element)
    {
        if (type.IsArray)
        {
            element = type.GetElementType()!;
            return true;
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
            {
                element = type.GetGenericArguments()[0];
                return true;
            }
        }
        element = typeof(void);
        return false;
    }

    /// <summary>The YAML spelling of each member of an enum, e.g. BlockTiming.Poisson → "poisson".</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) => [.. Enum.GetNames(enumType).Select(Naming.ToSnakeCase)];

    /// <summary>The type as a researcher reads it: "integer", "number", "distribution", ….</summary>
    public static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return TypeName(inner) + " or null";
        if (IsList(type, out var element)) return "list of " + TypeName(element);
        if (type == typeof(int) || type == typeof(long)) return "integer";
        if (type == typeof(double)) return "number";
        if (type == typeof(bool)) return "true/false";
        if (type == typeof(string)) return "string";
        if (type == typeof(Distribution)) return "distribution";
        if (type == typeof(ShardSize)) return "integer or auto";
        if (type.IsEnum) return "enum";
        if (IsSection(type)) return "section";
        return type.Name;
    }

    /// <summary>The valid values, e.g. "1 … 10000000", "&gt; 0", "samples in [0, 1]", "pool, absolute", or "any".</summary>
    public static string ConstraintText(SchemaKey key)
    {
        var type = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
        if (key.Range is { } r)
        {
            var low = Format(r.Min);
            if (double.IsPositiveInfinity(r.Max)) return r.MinExclusive ? $"> {low}" : $"≥ {low}";
            return r.MinExclusive ? $"{low} < x ≤ {Format(r.Max)}" : $"{low} … {Format(r.Max)}";
        }
        if (key.Samples is { } s)
            return s.Domain == SampleDomain.UnitInterval ? "samples in [0, 1]" : "samples ≥ 0";
        if (type.IsEnum) return string.Join(", ", EnumNames(type));
        if (type == typeof(ShardSize)) return $"auto, 1 … {ShardSize.Max}";
        return "any";
    }

    internal static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
