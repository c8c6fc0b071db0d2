using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Dashboard.Sweeps;

/// <summary>One swept key as the page shows it: a range {low, high} (sampled designs, pareto) or the values of a list (grid, zip).</summary>
public sealed record SweptKeyView(string Key, double? Low, double? High, bool Integer, IReadOnlyList<string>? Values);

/// <summary>A Pareto objective as the page shows it: metric, goal (maximize, minimize, target) and target.</summary>
public sealed record ParetoObjectiveView(string Metric, string Goal, double? Target);

/// <summary>
/// A sweep's design, read from the folder's sweep.yaml (the resolved file, which expands to the same points): the mode, each key
/// with its range or values, the design's sizes (samples, levels, design seed; population and evaluations of a Pareto search), the
/// simplex step and the seeds. sweep.json has only the design in words; the ranges are the file's.
/// </summary>
public sealed record SweepDesignView(string Mode, string Describe, IReadOnlyList<SweptKeyView> Keys, int? Samples, int? Levels,
    ulong? DesignSeed, int? Population, int? Evaluations, IReadOnlyList<ParetoObjectiveView>? Objectives, decimal? SimplexStep,
    IReadOnlyList<long> Seeds, int Points, int Runs)
{
    /// <summary>The design of a sweep folder's sweep.yaml, or null when there is none or it does not load.</summary>
    public static SweepDesignView? Read(string sweepYaml)
    {
        if (!File.Exists(sweepYaml)) return null;
        SweepLoadResult loaded;
        try { loaded = SweepLoader.LoadFile(sweepYaml); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        return loaded.Success ? Of(loaded.Plan) : null;
    }

    private static SweepDesignView Of(SweepPlan plan)
    {
        var ranges = plan.Design?.Parameters ?? plan.Pareto?.Parameters;
        IReadOnlyList<SweptKeyView> keys = ranges is not null
            ? [.. ranges.Select(p => new SweptKeyView(p.Range.Name, p.Range.Low, p.Range.High, p.Integer, null))]
            : [.. plan.ParameterValues.Select(p => new SweptKeyView(p.Key, null, null, false, p.Values))];
        return new SweepDesignView(plan.Mode.Key(), plan.Describe(), keys, plan.Design?.Samples,
            plan.Design is { Mode: SweepMode.Morris } morris ? morris.Levels : null,
            plan.Design is { Mode: not SweepMode.Sobol } d ? d.Seed : plan.Pareto?.Seed,
            plan.Pareto?.Population, plan.Pareto?.Evaluations,
            plan.Pareto?.Objectives.Select(o => new ParetoObjectiveView(o.Metric, o.GoalKey, o.Target)).ToList(),
            plan.SimplexStep, plan.Seeds, plan.PointCount, plan.Runs.Count);
    }
}
