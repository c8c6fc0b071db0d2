using System.Globalization;
using TokenEconSim.Experiments.Sensitivity;
using TokenEconSim.Scenarios.Schema;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// Reads the `sweep:` section of a sampled design (mode lhs, sobol or morris): each parameter a range {low, high} of a numeric key,
/// `samples`, `levels` (morris) and `design_seed` (lhs, morris), then expands the design into its points, one setting per parameter.
/// </summary>
internal sealed class SweepDesignReader(List<ScenarioError> errors, SweepSectionReader section)
{
    internal static readonly string[] DesignKeys = ["samples", "levels", "design_seed"];

    /// <summary>The most base samples a Sobol design may ask for: 2²⁴ keeps the sequence's index far inside its 2³² points.</summary>
    private const int MaxSamples = 1 << 24;

    public SweepSpec? Read(MappingNode node, SweepMode mode, int errorsBefore)
    {
        var parameters = ReadParameters(node, mode);
        var samples = ReadInteger(node, "samples", mode, required: true, min: mode == SweepMode.Lhs ? 1 : 2, max: MaxSamples);
        var levels = mode == SweepMode.Morris ? ReadInteger(node, "levels", mode, required: false, min: 2, max: 1000) ?? SweepDesign.DefaultLevels
            : RefuseUnread(node, "levels", mode, "only morris has grid levels");
        var seed = mode == SweepMode.Sobol ? RefuseUnread(node, "design_seed", mode, "Sobol' points are not random")
            : ReadInteger(node, "design_seed", mode, required: false, min: 1, max: int.MaxValue) ?? 1;
        var seeds = section.ReadSeeds(node.Find("seeds"));
        var objective = section.ReadObjective(node.Find("objective"));
        if (node.Find("simplex") is { } simplex)
            errors.Add(simplex.Key.At.Error($"sweep.simplex: mode {mode.Key()} samples ranges; the simplex is a grid (use mode: grid), and "
                + "sampling α, β and γ independently would break α + β + γ = 1"));
        if (levels % 2 != 0)
            errors.Add(node.Find("levels")!.Value.At.Error($"sweep.levels: Morris's grid needs an even number of levels, got {levels}"));
        if (errors.Count > errorsBefore || samples is not { } n) return null;
        if (mode == SweepMode.Sobol && 2 * parameters.Count > SobolSequence.MaxDimensions)
        {
            errors.Add(node.Find("parameters")!.Key.At.Error($"sweep.parameters: a sobol design covers at most {SobolSequence.MaxDimensions / 2} "
                + $"parameters, got {parameters.Count}"));
            return null;
        }

        var design = new SweepDesign(mode, [.. parameters.Select(p => p.Parameter)], n, levels, (ulong)seed);
        if (design.PointCount > SweepLoader.MaxRuns)
        {
            errors.Add(node.Find("samples")!.Value.At.Error($"sweep.samples: {design.Describe()} has {design.PointCount} points; a sweep has at "
                + $"most {SweepLoader.MaxRuns} runs"));
            return null;
        }
        var rows = design.UnitRows();
        var points = rows.Select((row, i) => (IReadOnlyList<SweepSetting>)[.. parameters.Select((p, d) => new SweepSetting(
            p.Parameter.Range.Name, p.Parameter.ValueAt(row[d]), p.At, $"sweep.parameters.{p.Parameter.Range.Name} (design point {i})"))]);
        // Each range's ends, checked before the points: a bad bound is one error at the range, not one per point.
        var bounds = parameters.SelectMany(p => new[] { (End: "low", Unit: 0.0), (End: "high", Unit: 1.0) }.Select(b =>
            new SweepSetting(p.Parameter.Range.Name, p.Parameter.ValueAt(b.Unit), p.At, $"sweep.parameters.{p.Parameter.Range.Name}.{b.End}")));
        return new SweepSpec(mode, [new SweepDimension(mode.Key(), [.. points])], null, null, seeds, objective, design, [.. bounds]);
    }

    internal List<(DesignParameter Parameter, SourceLocation At)> ReadParameters(MappingNode node, SweepMode mode)
    {
        var found = new List<(DesignParameter, SourceLocation)>();
        var entry = node.Find("parameters");
        if (entry?.Value is not MappingNode { Entries.Count: > 0 } parameters)
        {
            errors.Add((entry?.Value.At ?? node.At).Error($"sweep.parameters: mode {mode.Key()} needs at least one parameter with its range, e.g. "
                + "rewards.alpha: {low: 0.2, high: 0.6}"));
            return found;
        }
        foreach (var p in parameters.Entries)
        {
            var key = p.Key.Value.Trim();
            var origin = $"sweep.parameters.{key}";
            if (SweepPaths.Problem(key) is { } problem)
            {
                errors.Add(p.Key.At.Error($"{origin}: {problem}"));
                continue;
            }
            if (NumericKind(key) is not { } integer)
            {
                errors.Add(p.Key.At.Error($"{origin}: mode {mode.Key()} samples numbers, and {key} is not a number key"));
                continue;
            }
            if (p.Value is not MappingNode bounds)
            {
                errors.Add(p.Value.At.Error($"{origin}: mode {mode.Key()} samples a range, e.g. {{low: 0.2, high: 0.6}}; got "
                    + SweepSectionReader.Describe(p.Value)));
                continue;
            }
            var before = errors.Count;
            section.CheckKeys(bounds, SweepSectionReader.BoundKeys, origin);
            var low = Bound(bounds, "low", origin);
            var high = Bound(bounds, "high", origin);
            if (errors.Count > before || low is not { } lo || high is not { } hi) continue;
            if (lo >= hi) errors.Add(bounds.At.Error($"{origin}: low ({R(lo)}) must be less than high ({R(hi)})"));
            else found.Add((new DesignParameter(new ParameterRange(key, lo, hi), integer), bounds.At));
        }
        return found;
    }

    /// <summary>True for a whole-number key, false for a real one, null when the key is not a number (a distribution, a name, a flag).</summary>
    private static bool? NumericKind(string path)
    {
        var leaf = ScenarioSchema.Leaves.FirstOrDefault(l => l.Path == path);
        var type = leaf is null ? null : Nullable.GetUnderlyingType(leaf.Key.Type) ?? leaf.Key.Type;
        return type == typeof(int) || type == typeof(long) ? true : type == typeof(double) ? false : null;
    }

    private double? Bound(MappingNode node, string name, string origin)
    {
        if (node.Find(name) is not { } entry)
        {
            errors.Add(node.At.Error($"{origin}: a range needs '{name}', e.g. {{low: 0.2, high: 0.6}}"));
            return null;
        }
        if (entry.Value is ScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.IsFinite(x)) return x;
        errors.Add(entry.Value.At.Error($"{origin}.{name}: expected a finite number, got {SweepSectionReader.Describe(entry.Value)}"));
        return null;
    }

    internal int? ReadInteger(MappingNode node, string key, SweepMode mode, bool required, int min, int max)
    {
        if (node.Find(key) is not { } entry)
        {
            var what = mode switch
            {
                SweepMode.Sobol => "N, the base sample: N·(k + 2) points",
                SweepMode.Morris => "r, the trajectories: r·(k + 1) points",
                SweepMode.Pareto when key == "population" => "the points of a generation",
                SweepMode.Pareto => "the points evaluated at most, each with every seed",
                _ => "the number of points",
            };
            if (required) errors.Add(node.At.Error($"sweep.{key}: mode {mode.Key()} needs it ({what}), e.g. {key}: 64"));
            return null;
        }
        if (entry.Value is ScalarNode s && long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            && x >= min && x <= max) return (int)x;
        errors.Add(entry.Value.At.Error($"sweep.{key}: expected an integer from {min} to {max}, got {SweepSectionReader.Describe(entry.Value)}"));
        return null;
    }

    private int RefuseUnread(MappingNode node, string key, SweepMode mode, string why)
    {
        if (node.Find(key) is { } entry) errors.Add(entry.Key.At.Error($"sweep.{key}: mode {mode.Key()} does not read it: {why}"));
        return 0;
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
