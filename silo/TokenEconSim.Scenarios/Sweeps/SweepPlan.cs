using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// How a sweep's points are made: every combination of the parameter lists (grid), the i-th values together (zip), or a sampled design
/// over parameter ranges (lhs, sobol, morris; <see cref="SweepDesign"/>), or a multi-objective search (pareto, run by `silo tune`;
/// <see cref="ParetoSearch"/>).
/// </summary>
public enum SweepMode
{
    Grid,
    Zip,
    Lhs,
    Sobol,
    Morris,
    Pareto,
}

/// <summary>The sweep modes as the file writes them.</summary>
public static class SweepModes
{
    /// <summary>The mode's name in a sweep file and in sweep.json (grid, zip, lhs, sobol, morris).</summary>
    public static string Key(this SweepMode mode) => Naming.ToSnakeCase(mode.ToString());

    /// <summary>True for the sampled designs, whose parameters are ranges rather than lists.</summary>
    public static bool IsDesign(this SweepMode mode) => mode is SweepMode.Lhs or SweepMode.Sobol or SweepMode.Morris;

    public static readonly string[] Keys = [.. Enum.GetValues<SweepMode>().Select(Key)];
}

/// <summary>
/// One run of a sweep: the point it belongs to, the point's overrides in the <c>--set</c> form
/// <see cref="ScenarioLoader.LoadFile(string, IReadOnlyList{KeyValuePair{string, string}})"/> accepts, and its seed.
/// The seed is kept apart from the overrides so a runner can group a point's Monte Carlo repetitions.
/// </summary>
public sealed record SweepRun(int Index, int PointIndex, IReadOnlyList<KeyValuePair<string, string>> Overrides, long Seed)
{
    /// <summary>The overrides with <c>run.seed</c> last, i.e. everything that makes this run's scenario from the base.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OverridesWithSeed =>
        [.. Overrides, new("run.seed", Seed.ToString(CultureInfo.InvariantCulture))];
}

/// <summary>
/// A sweep file expanded: the base scenario and its runs in a fixed order. Points follow grid
/// order (the first parameter varies slowest, the simplex last); in zip mode point i takes the
/// i-th value of every list. Seeds are innermost: runs of one point are adjacent.
/// </summary>
public sealed class SweepPlan
{
    /// <summary>The keys a simplex sweeps, in the order of a point's (α, β, γ).</summary>
    public static readonly string[] SimplexKeys = ["rewards.alpha", "rewards.beta", "rewards.gamma"];

    private readonly MappingNode _tree;

    internal SweepPlan(string file, Scenario @base, MappingNode tree, SweepMode mode, IReadOnlyList<SweptParameter> parameters,
        decimal? simplexStep, IReadOnlyList<long> seeds, int pointCount, IReadOnlyList<SweepRun> runs)
    {
        File = file;
        Base = @base;
        _tree = tree;
        Mode = mode;
        Parameters = [.. parameters.Select(p => p.Key)];
        ParameterValues = parameters;
        SimplexStep = simplexStep;
        Seeds = seeds;
        PointCount = pointCount;
        Runs = runs;
    }

    /// <summary>The sweep file as it was given.</summary>
    public string File { get; }

    /// <summary>The file without its `sweep:` section, loaded as the normal loader would (extends followed).</summary>
    public Scenario Base { get; }

    public SweepMode Mode { get; }

    /// <summary>The swept dotted paths in the order written (the simplex's keys not included).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Each swept path with its values in the order written (ranges expanded).</summary>
    public IReadOnlyList<SweptParameter> ParameterValues { get; }

    /// <summary>What `silo tune` optimizes and sweeps report per run; null when the file sets none.</summary>
    public SweepObjective? Objective { get; init; }

    /// <summary>The sampled design (lhs, sobol, morris) the points come from, or null for grid and zip.</summary>
    public SweepDesign? Design { get; init; }

    /// <summary>The multi-objective search of mode pareto (its points are found while it runs: <see cref="Runs"/> is empty), or null.</summary>
    public ParetoSearch? Pareto { get; init; }

    /// <summary>The simplex grid step over (rewards.alpha, rewards.beta, rewards.gamma), or null when none.</summary>
    public decimal? SimplexStep { get; }

    public IReadOnlyList<long> Seeds { get; }

    public int PointCount { get; }

    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>One line for `validate`, e.g. "12 points × 5 seeds = 60 runs (grid over 2 parameters + simplex step 0.5)".</summary>
    public string Describe()
    {
        if (Pareto is { } pareto)
            return $"up to {Count(pareto.Evaluations, "point")} × {Count(Seeds.Count, "seed")} = {Count(pareto.Evaluations * Seeds.Count, "run")} "
                + $"({pareto.Describe()}; run by silo tune)";
        var dimensions = new List<string>();
        if (Design is { } design) dimensions.Add(design.Describe());
        else if (Parameters.Count > 0)
            dimensions.Add($"{(Mode.Key())} over {Count(Parameters.Count, "parameter")}");
        if (SimplexStep is { } step)
            dimensions.Add($"simplex step {step.ToString(CultureInfo.InvariantCulture)}");
        var over = dimensions.Count == 0 ? "the base scenario only" : string.Join(" + ", dimensions);
        return $"{Count(PointCount, "point")} × {Count(Seeds.Count, "seed")} = {Count(Runs.Count, "run")} ({over})";
    }

    /// <summary>The scenario of one run (its overrides and seed applied to the base), bound from the already resolved file.</summary>
    public ScenarioLoadResult Load(SweepRun run)
    {
        var errors = new List<ScenarioError>();
        var at = new SourceLocation(ScenarioLoader.OverrideSource, 0, 0);
        var scenario = ScenarioLoader.Bind(_tree, run.OverridesWithSeed.Select(o => (o.Key, o.Value, at)), errors);
        return new ScenarioLoadResult(scenario, errors);
    }

    /// <summary>The scenario for any overrides of the base (a tune's points are not in <see cref="Runs"/>); run.seed among them.</summary>
    public ScenarioLoadResult Load(IReadOnlyList<KeyValuePair<string, string>> overridesWithSeed)
    {
        var errors = new List<ScenarioError>();
        var at = new SourceLocation(ScenarioLoader.OverrideSource, 0, 0);
        var scenario = ScenarioLoader.Bind(_tree, overridesWithSeed.Select(o => (o.Key, o.Value, at)), errors);
        return new ScenarioLoadResult(scenario, errors);
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}

/// <summary>One swept dotted path and its values, in `--set` form.</summary>
public sealed record SweptParameter(string Key, IReadOnlyList<string> Values);

/// <summary>The plan when the sweep file is valid, else every error found.</summary>
public sealed class SweepLoadResult
{
    internal SweepLoadResult(SweepPlan? plan, IReadOnlyList<ScenarioError> errors)
    {
        Plan = errors.Count == 0 ? plan : null;
        Errors = errors;
    }

    public SweepPlan? Plan { get; }
    public IReadOnlyList<ScenarioError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Plan))]
    public bool Success => Errors.Count == 0 && Plan != null;
}
