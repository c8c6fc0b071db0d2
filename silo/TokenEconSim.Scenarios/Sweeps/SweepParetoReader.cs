using TokenEconSim.Scenarios.Binding;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// Reads the `sweep:` section of a Pareto search (mode pareto): parameters as ranges {low, high} of numeric keys (as the sampled
/// designs), `objectives` (a list of {metric, goal: maximize|minimize|target, target}), `population`, `evaluations`,
/// `design_seed` and `seeds` (at least two: each objective is ranked by its confidence interval over them).
/// </summary>
internal sealed class SweepParetoReader(List<ScenarioError> errors, SweepSectionReader section)
{
    internal static readonly string[] ParetoKeys = ["objectives", "population", "evaluations"];
    internal static readonly string[] ObjectiveKeys = ["metric", "goal", "target"];
    internal static readonly string[] Goals = ["maximize", "minimize", "target"];

    public SweepSpec? Read(MappingNode node, int errorsBefore)
    {
        const SweepMode mode = SweepMode.Pareto;
        var design = new SweepDesignReader(errors, section);
        foreach (var (key, why) in new[] { ("simplex", "the simplex is a grid (use mode: grid)"),
            ("objective", "a Pareto search takes objectives:, a list of {metric, goal, target}; objective: is the weighted sum of a sweep"),
            ("samples", "a Pareto search runs population × generations points, up to evaluations:"),
            ("levels", "only morris has grid levels") })
            if (node.Find(key) is { } entry) errors.Add(entry.Key.At.Error($"sweep.{key}: mode pareto does not read it: {why}"));
        var parameters = design.ReadParameters(node, mode);
        var objectives = ReadObjectives(node.Find("objectives"), node);
        var population = design.ReadInteger(node, "population", mode, required: true, min: ParetoSearch.MinPopulation, max: SweepLoader.MaxRuns);
        var evaluations = design.ReadInteger(node, "evaluations", mode, required: true, min: ParetoSearch.MinPopulation, max: SweepLoader.MaxRuns);
        var seed = design.ReadInteger(node, "design_seed", mode, required: false, min: 1, max: int.MaxValue) ?? 1;
        var seeds = section.ReadSeeds(node.Find("seeds"));
        if (errors.Count > errorsBefore) return null;
        if (seeds is not { Count: >= 2 })
        {
            errors.Add((node.Find("seeds")?.Value.At ?? node.At).Error("sweep.seeds: mode pareto needs at least 2 seeds: each objective is ranked by "
                + "its 95 % interval over them, e.g. seeds: 3"));
            return null;
        }
        if (evaluations < population)
        {
            errors.Add(node.Find("evaluations")!.Value.At.Error($"sweep.evaluations: {evaluations} is fewer than one generation (population "
                + $"{population}); give at least {population}, better several generations (e.g. {population * 5})"));
            return null;
        }
        if ((long)evaluations!.Value * seeds.Count > SweepLoader.MaxRuns)
        {
            errors.Add(node.Find("evaluations")!.Value.At.Error($"sweep.evaluations: {evaluations} points × {seeds.Count} seeds is more than "
                + $"{SweepLoader.MaxRuns} runs"));
            return null;
        }
        var search = new ParetoSearch([.. parameters.Select(p => p.Parameter)], objectives, population!.Value, evaluations.Value, (ulong)seed);
        var bounds = parameters.SelectMany(p => new[] { (End: "low", Unit: 0.0), (End: "high", Unit: 1.0) }.Select(b =>
            new SweepSetting(p.Parameter.Range.Name, p.Parameter.ValueAt(b.Unit), p.At, $"sweep.parameters.{p.Parameter.Range.Name}.{b.End}")));
        return new SweepSpec(mode, [], null, null, seeds, null, null, [.. bounds], search);
    }

    private List<ParetoObjective> ReadObjectives(MappingEntry? entry, MappingNode node)
    {
        var found = new List<ParetoObjective>();
        if (entry?.Value is not SequenceNode { Items.Count: >= 2 } list)
        {
            errors.Add((entry?.Value.At ?? node.At).Error("sweep.objectives: mode pareto needs a list of at least two objectives, e.g. "
                + "[{metric: final_accuracy, goal: maximize}, {metric: final_gini, goal: minimize}]"));
            return found;
        }
        for (var i = 0; i < list.Items.Count; i++)
            if (ReadObjective(list.Items[i], $"sweep.objectives[{i}]") is { } o) found.Add(o);
        foreach (var twice in found.GroupBy(o => o.Metric).Where(g => g.Count() > 1))
            errors.Add(twice.Last().At with { Message = $"sweep.objectives: {twice.Key} is listed twice" });
        return found;
    }

    private ParetoObjective? ReadObjective(SourceNode item, string origin)
    {
        if (item is not MappingNode map)
        {
            errors.Add(item.At.Error($"{origin}: expected {{metric: name, goal: maximize|minimize|target, target: t}}, got "
                + SweepSectionReader.Describe(item)));
            return null;
        }
        var before = errors.Count;
        section.CheckKeys(map, ObjectiveKeys, origin);
        if (map.Find("metric")?.Value is not ScalarNode { IsNull: false } metric)
        {
            errors.Add((map.Find("metric")?.Value ?? map).At.Error($"{origin}: needs metric:, the name of a summary metric (e.g. final_gini)"));
            return null;
        }
        var goal = ReadGoal(map, origin);
        double? target = null;
        if (map.Find("target") is { } t)
        {
            if (t.Value is ScalarNode s && double.TryParse(s.Value, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) target = x;
            else errors.Add(t.Value.At.Error($"{origin}.target: expected a finite number, got {SweepSectionReader.Describe(t.Value)}"));
            if (goal is not null and not ParetoGoal.Target)
                errors.Add(t.Key.At.Error($"{origin}.target: only goal: target reads it; goal {goal.ToString()!.ToLowerInvariant()} ignores it"));
        }
        else if (goal == ParetoGoal.Target)
            errors.Add(map.Find("goal")!.Value.At.Error($"{origin}: goal: target needs target:, the value to approach"));
        return errors.Count > before || goal is not { } g ? null : new ParetoObjective(metric.Value.Trim(), g, target, metric.At.Error(""));
    }

    private ParetoGoal? ReadGoal(MappingNode map, string origin)
    {
        if (map.Find("goal") is not { } entry)
        {
            errors.Add(map.At.Error($"{origin}: needs goal: maximize, minimize or target"));
            return null;
        }
        var text = entry.Value is ScalarNode s ? s.Value : "";
        var index = Array.IndexOf(Goals, text);
        if (index >= 0) return (ParetoGoal)index;
        var hint = Suggestions.Closest(text, Goals) is { } m ? $"did you mean '{m}'?" : $"valid: {string.Join(", ", Goals)}";
        errors.Add(entry.Value.At.Error($"{origin}.goal: '{text}' is not a goal; {hint}"));
        return null;
    }
}
