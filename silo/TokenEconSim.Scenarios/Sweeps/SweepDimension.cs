using TokenEconSim.Scenarios.Yaml;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// One override a sweep makes: the dotted key, its value in `--set` form, where the value is
/// written in the sweep section, and how errors name it (e.g. <c>sweep.parameters.run.epochs[2]</c>).
/// </summary>
internal sealed record SweepSetting(string Key, string Value, SourceLocation At, string Origin);

/// <summary>One swept dimension: a parameter's values, or the simplex points (three settings each).</summary>
internal sealed record SweepDimension(string Label, IReadOnlyList<IReadOnlyList<SweepSetting>> Values);

/// <summary>A `sweep:` section read and checked, before expansion.</summary>
/// <remarks>A sampled design (<see cref="Design"/>) has its points as the one dimension in <see cref="Parameters"/>.</remarks>
internal sealed record SweepSpec(SweepMode Mode, IReadOnlyList<SweepDimension> Parameters, SweepDimension? Simplex,
    decimal? SimplexStep, IReadOnlyList<SweepSetting>? Seeds, SweepObjective? Objective, SweepDesign? Design = null,
    IReadOnlyList<SweepSetting>? DesignBounds = null, ParetoSearch? Pareto = null);
