using System.Globalization;
using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>One sampled parameter of a design: its range and whether its key takes whole numbers (a sampled value is then rounded).</summary>
public sealed record DesignParameter(ParameterRange Range, bool Integer)
{
    /// <summary>The value at <paramref name="unit"/> ∈ [0, 1] of the range in `--set` form: shortest round-trip, or the nearest integer.</summary>
    public string ValueAt(double unit)
    {
        var x = Range.At(unit);
        return Integer
            ? Math.Round(x, MidpointRounding.ToEven).ToString("0", CultureInfo.InvariantCulture)
            : x.ToString("R", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A sampled sweep design (docs/sweeps.md, "Designs"): `lhs` (a Latin hypercube of <see cref="Samples"/> points), `sobol` (Saltelli's
/// scheme, N = <see cref="Samples"/>, N·(k + 2) points) or `morris` (<see cref="Samples"/> trajectories on <see cref="Levels"/> levels,
/// r·(k + 1) points), each a pure function of its parameters and <see cref="Seed"/>, so a sweep file always expands to the same points.
/// </summary>
public sealed record SweepDesign(SweepMode Mode, IReadOnlyList<DesignParameter> Parameters, int Samples, int Levels, ulong Seed)
{
    public const int DefaultLevels = 4;

    public IReadOnlyList<ParameterRange> Ranges => [.. Parameters.Select(p => p.Range)];

    /// <summary>The design's points in the unit cube, in evaluation order.</summary>
    public IReadOnlyList<double[]> UnitRows() => Mode switch
    {
        SweepMode.Lhs => LatinHypercube.Sample(Parameters.Count, Samples, Seed),
        SweepMode.Sobol => Saltelli().Rows,
        SweepMode.Morris => Morris().Rows,
        _ => throw new InvalidOperationException($"{Mode.Key()} is not a sampled design"),
    };

    /// <summary>How many points the design has, without building it.</summary>
    public long PointCount => Mode switch
    {
        SweepMode.Lhs => Samples,
        SweepMode.Sobol => (long)Samples * (Parameters.Count + 2),
        _ => (long)Samples * (Parameters.Count + 1),
    };

    public SaltelliDesign Saltelli() => new(Parameters.Count, Samples);

    public MorrisDesign Morris() => new(Parameters.Count, Samples, Levels, Seed);

    /// <summary>For `validate`, e.g. "sobol over 3 parameters, N = 64".</summary>
    public string Describe() => Mode switch
    {
        SweepMode.Lhs => $"lhs over {Parameters.Count} parameter{(Parameters.Count == 1 ? "" : "s")}, seed {Seed}",
        SweepMode.Sobol => $"sobol over {Parameters.Count} parameter{(Parameters.Count == 1 ? "" : "s")}, N = {Samples}",
        _ => $"morris over {Parameters.Count} parameter{(Parameters.Count == 1 ? "" : "s")}, {Samples} trajectories, {Levels} levels, seed {Seed}",
    };
}
