using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// Sweep file → <see cref="SweepPlan"/>. A sweep file is a scenario file (it may use `extends`)
/// with one top-level `sweep:` section:
/// <code>
/// sweep:
///   mode: grid            # grid (default): every combination; zip: the i-th values together
///   parameters:           # dotted scenario keys → a list, or an inclusive range {from, to, step}
///     run.epochs: [10, 20]
///     populations.users.count: {from: 10, to: 30, step: 10}
///   simplex: {step: 0.1}  # (rewards.alpha, beta, gamma) on the simplex; 1/step whole; 66 points for 0.1
///   seeds: 5              # a count (1..5) or a list [3, 7]; default: the scenario's run.seed
/// </code>
/// or a sampled design (<see cref="SweepDesign"/>): mode lhs, sobol or morris, each parameter a range {low, high}, and samples.
/// Points are in grid order: the first parameter varies slowest, the simplex last (one more
/// dimension). Zip pairs the lists (all one length) and refuses a simplex next to parameters; a
/// simplex alone is allowed. Seeds multiply every point and are innermost. run.seed cannot be a
/// parameter: seeds own it. Every point is bound against the base, so a bad value is reported at
/// the value in the sweep section, before anything runs.
/// </summary>
public static class SweepLoader
{
    /// <summary>A typo (step: 0.0001) must fail here, not fill memory with runs.</summary>
    public const int MaxRuns = 100_000;

    /// <summary>How many distinct errors from combinations are listed before the rest are counted.</summary>
    private const int MaxCombinationErrors = 20;

    /// <summary>True when the file (after <c>extends</c>) has a top-level <c>sweep:</c> section.</summary>
    public static bool HasSweepSection(string path)
    {
        var (_, sweep) = ScenarioLoader.ResolveSweepFile(path, new List<ScenarioError>());
        return sweep != null;
    }

    public static SweepLoadResult LoadFile(string path)
    {
        var errors = new List<ScenarioError>();
        var (tree, sweep) = ScenarioLoader.ResolveSweepFile(path, errors);
        if (tree == null || errors.Count > 0) return new SweepLoadResult(null, ScenarioLoader.InDocumentOrder(errors, path));
        if (sweep == null)
            return Fail(new ScenarioError(path, 1, 1,
                "not a sweep file: it has no top-level 'sweep:' section (see scenarios/README.md, \"Sweep files\"); run a single scenario with "
                + "'silo run'"));

        // The base alone must be a valid scenario: it is what the sweep varies.
        var @base = ScenarioLoader.Bind(tree, [], errors);
        if (@base == null) return new SweepLoadResult(null, ScenarioLoader.InDocumentOrder(errors, path));

        var spec = new SweepSectionReader(errors).Read(sweep);
        if (spec == null) return new SweepLoadResult(null, errors);

        if (spec.Pareto is { } pareto) return Pareto(path, @base, tree, spec, pareto);
        var dimensions = spec.Parameters.Concat(spec.Simplex is { } s ? [s] : []).ToList();
        var seeds = spec.Seeds ?? [new SweepSetting("run.seed", @base.Run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            sweep.Key.At, "run.seed")];
        var pointCount = spec.Mode == SweepMode.Zip && dimensions.Count > 0
            ? dimensions[0].Values.Count
            : dimensions.Aggregate(1L, (n, d) => Math.Min(n * d.Values.Count, (long)MaxRuns + 1));
        if (pointCount * seeds.Count > MaxRuns)
            return Fail(sweep.Key.At.Error($"sweep: {pointCount} points × {seeds.Count} seeds is more than {MaxRuns} runs; sweep fewer values or "
                + "split the sweep"));

        var points = spec.Mode == SweepMode.Zip ? Zip(dimensions) : Grid(dimensions);
        var found = new List<ScenarioError>();
        foreach (var end in spec.DesignBounds ?? []) Check(tree, [end], -1, found);
        if (found.Count > 0) return new SweepLoadResult(null, Distinct(found, path));
        for (var p = 0; p < points.Count; p++) Check(tree, points[p], p, found);
        // Seeds do not interact with the parameters (run.seed cannot be swept), so each is checked once.
        foreach (var seed in seeds.Where(s => s.Origin != "run.seed")) Check(tree, [seed], -1, found);
        if (found.Count > 0) return new SweepLoadResult(null, Distinct(found, path));

        var runs = new List<SweepRun>(points.Count * seeds.Count);
        var seedValues = seeds.Select(s => long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var p = 0; p < points.Count; p++)
        {
            IReadOnlyList<KeyValuePair<string, string>> overrides = [.. points[p].Select(o => new KeyValuePair<string, string>(o.Key, o.Value))];
            foreach (var seed in seedValues) runs.Add(new SweepRun(runs.Count, p, overrides, seed));
        }
        var parameters = spec.Design is { } design
            ? [.. design.Parameters.Select((p, d) => new SweptParameter(p.Range.Name, [.. points.Select(point => point[d].Value)]))]
            : spec.Parameters.Select(d => new SweptParameter(d.Label, [.. d.Values.Select(v => v[0].Value)])).ToList();
        return new SweepLoadResult(new SweepPlan(path, @base, tree, spec.Mode, parameters,
            spec.SimplexStep, seedValues, points.Count, runs)
        { Objective = spec.Objective, Design = spec.Design }, []);

        SweepLoadResult Fail(ScenarioError e) => new(null, [e]);
    }

    /// <summary>A Pareto search's points are found while it runs: only its bounds and seeds can be bound now.</summary>
    private static SweepLoadResult Pareto(string path, Domain.Parameters.Scenario @base, MappingNode tree, SweepSpec spec, ParetoSearch pareto)
    {
        var found = new List<ScenarioError>();
        foreach (var setting in (spec.DesignBounds ?? []).Concat(spec.Seeds!)) Check(tree, [setting], -1, found);
        if (found.Count > 0) return new SweepLoadResult(null, Distinct(found, path));
        var seeds = spec.Seeds!.Select(s => long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var parameters = pareto.Parameters.Select(p => new SweptParameter(p.Range.Name, [])).ToList();
        var plan = new SweepPlan(path, @base, tree, SweepMode.Pareto, parameters, null, seeds, 0, []) { Pareto = pareto };
        return new SweepLoadResult(plan, []);
    }

    /// <summary>Cartesian product, first dimension slowest (an odometer whose last wheel turns fastest).</summary>
    private static List<IReadOnlyList<SweepSetting>> Grid(List<SweepDimension> dimensions)
    {
        var points = new List<IReadOnlyList<SweepSetting>> { Array.Empty<SweepSetting>() };
        foreach (var d in dimensions)
            points = [.. points.SelectMany(prefix => d.Values.Select(v => (IReadOnlyList<SweepSetting>)[.. prefix, .. v]))];
        return points;
    }

    private static List<IReadOnlyList<SweepSetting>> Zip(List<SweepDimension> dimensions)
    {
        if (dimensions.Count == 0) return [Array.Empty<SweepSetting>()];
        return [.. Enumerable.Range(0, dimensions[0].Values.Count)
            .Select(i => (IReadOnlyList<SweepSetting>)[.. dimensions.SelectMany(d => d.Values[i])])];
    }

    /// <summary>
    /// Binds the base with one point's overrides. An error at an override's own location is about
    /// that value and is renamed after it (sweep.parameters.run.epochs[2]: …). Any other error
    /// comes from a combination (a cross-field rule) and is prefixed with the point's settings.
    /// </summary>
    private static void Check(MappingNode tree, IReadOnlyList<SweepSetting> point, int index, List<ScenarioError> found)
    {
        var errors = new List<ScenarioError>();
        ScenarioLoader.Bind(tree, point.Select(s => (s.Key, s.Value, s.At)), errors);
        foreach (var e in errors)
        {
            var own = point.Where(s => (s.At.File, s.At.Line, s.At.Column) == (e.File, e.Line, e.Column)).ToList();
            var setting = own.FirstOrDefault(s => e.Message.StartsWith(s.Key + ": ", StringComparison.Ordinal)) ?? own.FirstOrDefault();
            if (setting != null)
            {
                var message = e.Message.StartsWith(setting.Key + ": ", StringComparison.Ordinal) ? e.Message[(setting.Key.Length + 2)..] : e.Message;
                found.Add(e with { Message = $"{setting.Origin}: {message}" });
            }
            else
            {
                var settings = string.Join(", ", point.Select(s => $"{s.Key}={s.Value}"));
                found.Add(e with { Message = $"with sweep point {index} ({settings}): {e.Message}" });
            }
        }
    }

    /// <summary>
    /// One value appears in many grid points; its error is listed once, in document order, and a flood of combinations is cut short.
    /// </summary>
    private static List<ScenarioError> Distinct(List<ScenarioError> found, string path)
    {
        var distinct = ScenarioLoader.InDocumentOrder([.. found.Distinct()], path);
        if (distinct.Count <= MaxCombinationErrors) return distinct;
        var last = distinct[MaxCombinationErrors - 1];
        return [.. distinct.Take(MaxCombinationErrors),
            last with { Message = $"… and {distinct.Count - MaxCombinationErrors} more errors from other sweep points" }];
    }
}
