namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>
/// Global sensitivity of a model given as a delegate from parameter values (in the order of the ranges) to one output:
/// the design is built, the model evaluated on every row in order, and the outputs analysed.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>Sobol indices from Saltelli's scheme with N = <paramref name="baseSamples"/> (N·(k + 2) evaluations).</summary>
    public static IReadOnlyList<SobolIndex> Sobol(Func<double[], double> model, IReadOnlyList<ParameterRange> ranges, int baseSamples,
        int resamples = 1000, double confidence = 0.95, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ParameterRange.Check(ranges);
        var design = new SaltelliDesign(ranges.Count, baseSamples);
        var outputs = ParameterRange.Scale(ranges, design.Rows).Select(model).ToArray();
        return SobolIndices.Analyze(design, ranges, outputs, resamples, confidence, seed);
    }

    /// <summary>Morris screening with r = <paramref name="trajectories"/> trajectories on a grid of <paramref name="levels"/>
    /// levels (r·(k + 1) evaluations).</summary>
    public static IReadOnlyList<MorrisEffect> Morris(Func<double[], double> model, IReadOnlyList<ParameterRange> ranges, int trajectories,
        int levels = 4, int resamples = 1000, double confidence = 0.95, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ParameterRange.Check(ranges);
        var design = new MorrisDesign(ranges.Count, trajectories, levels, seed);
        var outputs = ParameterRange.Scale(ranges, design.Rows).Select(model).ToArray();
        return MorrisEffects.Analyze(design, ranges, outputs, resamples, confidence, seed);
    }
}
