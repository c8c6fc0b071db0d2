using System.Globalization;
using TokenEconSim.Scenarios.Binding;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// Reads a `sweep:` section into a <see cref="SweepSpec"/>: the shape of the section, lists,
/// ranges, the simplex and seeds. Whether each value suits its key is left to the binder
/// (<see cref="SweepLoader"/> binds every point), so the rules live in one place.
/// </summary>
internal sealed class SweepSectionReader(List<ScenarioError> errors)
{
    // The keys of each mapping of the section (also what scenario.schema.json allows there).
    internal static readonly string[] SectionKeys = ["mode", "parameters", "simplex", "seeds", "objective", "samples", "levels", "design_seed",
        "objectives", "population", "evaluations"];
    internal static readonly string[] ObjectiveKeys = ["goal", "terms"];
    internal static readonly string[] TermKeys = ["metric", "weight", "target"];
    internal static readonly string[] RangeKeys = ["from", "to", "step"];
    internal static readonly string[] BoundKeys = ["low", "high"];

    public SweepSpec? Read(MappingEntry sweep)
    {
        if (sweep.Value is not MappingNode section)
        {
            errors.Add(sweep.Value.At.Error("sweep: expected a section with parameters:, simplex: and/or seeds:"));
            return null;
        }
        var before = errors.Count;
        CheckKeys(section, SectionKeys, "sweep");
        var mode = ReadMode(section.Find("mode"));
        if (mode == SweepMode.Pareto) return new SweepParetoReader(errors, this).Read(section, before);
        foreach (var key in SweepParetoReader.ParetoKeys)
            if (section.Find(key) is { } entry)
                errors.Add(entry.Key.At.Error($"sweep.{key}: only a Pareto search (mode: pareto) reads it; mode {mode.Key()} would ignore it"));
        if (mode.IsDesign()) return new SweepDesignReader(errors, this).Read(section, mode, before);
        RefuseDesignKeys(section, mode);
        var parameters = ReadParameters(section.Find("parameters"));
        var (simplex, step) = ReadSimplex(section.Find("simplex"));
        var seeds = ReadSeeds(section.Find("seeds"));
        var objective = ReadObjective(section.Find("objective"));
        if (errors.Count > before) return null;

        if (simplex != null && parameters.Any(p => SweepPlan.SimplexKeys.Contains(p.Label)))
        {
            var clash = parameters.First(p => SweepPlan.SimplexKeys.Contains(p.Label));
            errors.Add(section.Find("simplex")!.Key.At.Error(
                $"sweep.simplex: sets rewards.alpha, beta and gamma together, so sweep.parameters cannot also sweep {clash.Label}"));
        }
        if (mode == SweepMode.Zip) CheckZip(section, parameters, simplex);
        return errors.Count > before ? null : new SweepSpec(mode, parameters, simplex, step, seeds, objective);
    }

    private SweepMode ReadMode(MappingEntry? entry)
    {
        if (entry == null) return SweepMode.Grid;
        var text = entry.Value is ScalarNode s ? s.Value : "";
        var known = Enum.GetValues<SweepMode>().FirstOrDefault(m => m.Key() == text, (SweepMode)(-1));
        if (known >= 0) return known;
        var hint = Suggestions.Closest(text, SweepModes.Keys) is { } m ? $"did you mean '{m}'?" : $"valid: {string.Join(", ", SweepModes.Keys)}";
        errors.Add(entry.Value.At.Error($"sweep.mode: '{text}' is not a sweep mode; {hint}"));
        return SweepMode.Grid;
    }

    /// <summary>samples, levels and design_seed belong to the sampled designs; in grid or zip they would be silently ignored.</summary>
    private void RefuseDesignKeys(MappingNode section, SweepMode mode)
    {
        foreach (var key in SweepDesignReader.DesignKeys)
            if (section.Find(key) is { } entry)
                errors.Add(entry.Key.At.Error($"sweep.{key}: only the sampled designs (mode: lhs, sobol or morris) read it; mode {mode.Key()} "
                    + "takes lists and ranges"));
    }

    private List<SweepDimension> ReadParameters(MappingEntry? entry)
    {
        var dimensions = new List<SweepDimension>();
        if (entry == null || entry.Value is ScalarNode { IsNull: true }) return dimensions;
        if (entry.Value is not MappingNode parameters)
        {
            errors.Add(entry.Value.At.Error("sweep.parameters: expected dotted scenario keys each with a list or a range, e.g. "
                + "run.epochs: [10, 20]"));
            return dimensions;
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
            var values = p.Value switch
            {
                SequenceNode list => ReadList(list, key, origin),
                MappingNode range => ReadRange(range, key, origin),
                _ => Refuse(p.Value, $"{origin}: expected a list of values, e.g. [1, 2, 3], or a range {{from: 1, to: 3, step: 1}}"),
            };
            if (values != null) dimensions.Add(new SweepDimension(key, values));
        }
        return dimensions;
    }

    private List<IReadOnlyList<SweepSetting>>? ReadList(SequenceNode list, string key, string origin)
    {
        if (list.Items.Count == 0) return Refuse(list, $"{origin}: the list is empty; give at least one value");
        var values = new List<IReadOnlyList<SweepSetting>>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            // Each value becomes one `--set` text, so it must be a single value.
            if (list.Items[i] is not ScalarNode item)
                return Refuse(list.Items[i], $"{origin}[{i}]: expected a single value, got a {(list.Items[i] is MappingNode ? "mapping" : "list")}");
            values.Add([new SweepSetting(key, item.Value, item.At, $"{origin}[{i}]")]);
        }
        return values;
    }

    /// <summary>
    /// {from, to, step}: from, from + step, … while ≤ to (so `to` is included when a step lands on
    /// it). Decimal arithmetic keeps 0.1 + 0.2 at 0.3, so the values read as written.
    /// </summary>
    private List<IReadOnlyList<SweepSetting>>? ReadRange(MappingNode range, string key, string origin)
    {
        var before = errors.Count;
        CheckKeys(range, RangeKeys, origin);
        var from = Number(range, "from", origin, required: true);
        var to = Number(range, "to", origin, required: true);
        var step = Number(range, "step", origin, required: false) ?? 1m;
        if (errors.Count > before || from is not { } f || to is not { } t) return null;
        if (step <= 0)
            return Refuse(range.Find("step")!.Value, $"{origin}: step must be > 0, got {Format(step)}");
        if (t < f)
            return Refuse(range.Find("to")!.Value, $"{origin}: to ({Format(t)}) is less than from ({Format(f)})");
        decimal count;
        try { count = decimal.Floor((t - f) / step) + 1; }
        catch (OverflowException) { count = decimal.MaxValue; }
        if (count > SweepLoader.MaxRuns)
            return Refuse(range, $"{origin}: the range has {Format(count)} values; a sweep has at most {SweepLoader.MaxRuns} runs");
        return [.. Enumerable.Range(0, (int)count).Select(i =>
            (IReadOnlyList<SweepSetting>)[new SweepSetting(key, Format(f + i * step), range.At, $"{origin}[{i}]")])];
    }

    private decimal? Number(MappingNode node, string name, string origin, bool required)
    {
        var entry = node.Find(name);
        if (entry == null)
        {
            if (required) errors.Add(node.At.Error($"{origin}: a range needs '{name}', e.g. {{from: 1, to: 10, step: 1}}"));
            return null;
        }
        if (entry.Value is ScalarNode s && decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return x;
        errors.Add(entry.Value.At.Error($"{origin}.{name}: expected a number, got {Describe(entry.Value)}"));
        return null;
    }

    /// <summary>
    /// The points (i/n, j/n, (n − i − j)/n) for i, j ≥ 0, i + j ≤ n, n = 1/step, alpha outer and
    /// beta inner. Each weight is one correctly rounded quotient, so it is the double nearest the grid's
    /// decimal and prints as it (0.2, never 0.20000000000000007 as 1 − 0.1 − 0.7 would); their sum is 1 up
    /// to rounding, which the binder allows, and on the edge i + j = n gamma is exactly 0.
    /// </summary>
    private (SweepDimension?, decimal?) ReadSimplex(MappingEntry? entry)
    {
        if (entry == null) return (null, null);
        if (entry.Value is not MappingNode simplex)
        {
            errors.Add(entry.Value.At.Error("sweep.simplex: expected a section with a step, e.g. simplex: {step: 0.1}"));
            return (null, null);
        }
        var before = errors.Count;
        CheckKeys(simplex, ["step"], "sweep.simplex");
        var step = Number(simplex, "step", "sweep.simplex", required: false);
        if (simplex.Find("step") == null)
            errors.Add(simplex.At.Error("sweep.simplex: needs a step, e.g. step: 0.1"));
        if (errors.Count > before || step is not { } h) return (null, null);
        var at = simplex.Find("step")!.Value.At;
        if (h <= 0 || h > 1)
        {
            errors.Add(at.Error($"sweep.simplex.step: must be > 0 and ≤ 1, got {Format(h)}"));
            return (null, null);
        }
        var n = 1 / h;
        if (n != decimal.Truncate(n))
        {
            errors.Add(at.Error($"sweep.simplex.step: 1/step must be a whole number so the grid reaches the corners, got 1/{Format(h)} = "
                + $"{n:0.####}; use e.g. 0.1, 0.125, 0.2, 0.25 or 0.5"));
            return (null, null);
        }
        var m = (int)n;
        if ((long)(m + 1) * (m + 2) / 2 > SweepLoader.MaxRuns)
        {
            errors.Add(at.Error($"sweep.simplex.step: {Format(h)} gives {(long)(m + 1) * (m + 2) / 2} points; a sweep has at most "
                + $"{SweepLoader.MaxRuns} runs"));
            return (null, null);
        }
        var points = new List<IReadOnlyList<SweepSetting>>();
        for (var i = 0; i <= m; i++)
        {
            for (var j = 0; j <= m - i; j++)
            {
                var alpha = (double)i / m;
                var beta = (double)j / m;
                var gamma = (double)(m - i - j) / m;
                var origin = $"sweep.simplex[{points.Count}]";
                points.Add([
                    new SweepSetting(SweepPlan.SimplexKeys[0], R(alpha), at, origin),
                    new SweepSetting(SweepPlan.SimplexKeys[1], R(beta), at, origin),
                    new SweepSetting(SweepPlan.SimplexKeys[2], R(gamma), at, origin),
                ]);
            }
        }
        return (new SweepDimension("simplex", points), h);
    }

    internal List<SweepSetting>? ReadSeeds(MappingEntry? entry)
    {
        if (entry == null || entry.Value is ScalarNode { IsNull: true }) return null;
        switch (entry.Value)
        {
            case ScalarNode s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count):
                if (count <= 0) return Refuse<SweepSetting>(s, $"sweep.seeds: the number of seeds must be ≥ 1, got {count}");
                if (count > SweepLoader.MaxRuns)
                    return Refuse<SweepSetting>(s, $"sweep.seeds: {count} seeds; a sweep has at most {SweepLoader.MaxRuns} runs");
                return [.. Enumerable.Range(1, (int)count).Select(i => new SweepSetting("run.seed", I(i), s.At, $"sweep.seeds[{i - 1}]"))];
            case SequenceNode list:
                if (list.Items.Count == 0) return Refuse<SweepSetting>(list, "sweep.seeds: the list is empty; give at least one seed, or a count");
                var seeds = new List<SweepSetting>();
                var seen = new HashSet<long>();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var item = list.Items[i];
                    if (item is not ScalarNode v || !long.TryParse(v.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
                        return Refuse<SweepSetting>(item, $"sweep.seeds[{i}]: expected an integer seed, got {Describe(item)}");
                    if (seed <= 0) return Refuse<SweepSetting>(item, $"sweep.seeds[{i}]: seeds must be ≥ 1, got {seed}");
                    if (!seen.Add(seed))
                        return Refuse<SweepSetting>(item, $"sweep.seeds[{i}]: seed {seed} is listed twice; repeated runs would be identical");
                    seeds.Add(new SweepSetting("run.seed", I(seed), v.At, $"sweep.seeds[{i}]"));
                }
                return seeds;
            default:
                return Refuse<SweepSetting>(entry.Value,
                    $"sweep.seeds: expected a count (seeds 1..n) or a list of seeds, got {Describe(entry.Value)}");
        }
    }

    /// <summary>
    /// objective: {goal: maximize|minimize, terms: [{metric, weight = 1, target}]}: Σ weight·metric,
    /// or weight·|metric − target| for a term with a target. Metric names are checked by the host.
    /// </summary>
    internal SweepObjective? ReadObjective(MappingEntry? entry)
    {
        if (entry == null || entry.Value is ScalarNode { IsNull: true }) return null;
        if (entry.Value is not MappingNode section)
        {
            errors.Add(entry.Value.At.Error("sweep.objective: expected a section with goal: and terms:, e.g. "
                + "{goal: minimize, terms: [{metric: final_gini}]}"));
            return null;
        }
        var before = errors.Count;
        CheckKeys(section, ObjectiveKeys, "sweep.objective");
        var goal = ObjectiveGoal.Maximize;
        if (section.Find("goal") is not { } g) errors.Add(section.At.Error("sweep.objective: needs a goal: maximize or minimize"));
        else if (g.Value is ScalarNode { Value: "maximize" or "minimize" } gs)
            goal = gs.Value == "maximize" ? ObjectiveGoal.Maximize : ObjectiveGoal.Minimize;
        else
        {
            var text = g.Value is ScalarNode s ? s.Value : "";
            var hint = Suggestions.Closest(text, ["maximize", "minimize"]) is { } m ? $"did you mean '{m}'?" : "valid: maximize, minimize";
            errors.Add(g.Value.At.Error($"sweep.objective.goal: '{text}' is not a goal; {hint}"));
        }
        var terms = new List<ObjectiveTerm>();
        var list = section.Find("terms");
        if (list == null) errors.Add(section.At.Error("sweep.objective: needs terms:, a list of {metric, weight, target}"));
        else if (list.Value is not SequenceNode { Items.Count: > 0 } items)
            errors.Add(list.Value.At.Error("sweep.objective.terms: expected a non-empty list of {metric: name, weight: w, target: t}"));
        else
            for (var i = 0; i < items.Items.Count; i++)
                if (ReadTerm(items.Items[i], $"sweep.objective.terms[{i}]") is { } term) terms.Add(term);
        return errors.Count > before ? null : new SweepObjective(goal, terms);
    }

    private ObjectiveTerm? ReadTerm(SourceNode node, string origin)
    {
        if (node is not MappingNode term)
        {
            errors.Add(node.At.Error($"{origin}: expected {{metric: name, weight: w, target: t}}, got {Describe(node)}"));
            return null;
        }
        var before = errors.Count;
        CheckKeys(term, TermKeys, origin);
        var metric = term.Find("metric");
        if (metric == null || metric.Value is not ScalarNode { IsNull: false } name)
        {
            errors.Add((metric?.Value ?? term).At.Error($"{origin}: needs metric:, the name of a summary metric (e.g. final_gini)"));
            return null;
        }
        var weight = Finite(term, "weight", origin) ?? 1.0;
        var target = Finite(term, "target", origin);
        return errors.Count > before ? null : new ObjectiveTerm(name.Value.Trim(), weight, target, name.At.Error(""));
    }

    private double? Finite(MappingNode node, string key, string origin)
    {
        var x = Number(node, key, origin, required: false);
        return x is { } d ? (double)d : null;
    }

    /// <summary>
    /// Zip pairs the i-th values, so every list must be as long; the simplex cannot be paired with them (its points have no natural order to
    /// match).
    /// </summary>
    private void CheckZip(MappingNode section, List<SweepDimension> parameters, SweepDimension? simplex)
    {
        if (simplex != null && parameters.Count > 0)
            errors.Add(section.Find("simplex")!.Key.At.Error(
                "sweep.simplex: mode zip pairs lists element by element and the simplex has no partner order; use mode: grid, or drop "
                    + "sweep.parameters to sweep the simplex alone"));
        if (parameters.Select(p => p.Values.Count).Distinct().Count() > 1)
            errors.Add(section.Find("parameters")!.Key.At.Error(
                $"sweep.parameters: mode zip needs lists of one length, got "
                    + $"{string.Join(", ", parameters.Select(p => $"{p.Label}: {p.Values.Count}"))}"));
    }

    internal void CheckKeys(MappingNode node, string[] valid, string where)
    {
        foreach (var e in node.Entries.Where(e => !valid.Contains(e.Key.Value)))
        {
            var hint = Suggestions.Closest(e.Key.Value, valid) is { } s ? $"did you mean '{s}'?" : $"valid keys: {string.Join(", ", valid)}";
            errors.Add(e.Key.At.Error($"{where}: unknown key '{e.Key.Value}'; {hint}"));
        }
    }

    private List<T>? Refuse<T>(SourceNode at, string message)
    {
        errors.Add(at.At.Error(message));
        return null;
    }

    private List<IReadOnlyList<SweepSetting>>? Refuse(SourceNode at, string message) => Refuse<IReadOnlyList<SweepSetting>>(at, message);

    internal static string Describe(SourceNode node) => node switch
    {
        MappingNode => "a mapping",
        SequenceNode => "a list",
        ScalarNode { IsNull: true } => "an empty value",
        ScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };

    private static string Format(decimal x) => x.ToString("0.############################", CultureInfo.InvariantCulture);
    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    private static string I(long x) => x.ToString(CultureInfo.InvariantCulture);
}
