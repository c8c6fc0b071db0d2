namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>One parameter's elementary effects: their mean μ, the mean of their absolute values μ* with its confidence
/// half-width, and their standard deviation σ (interactions and non-linearity).</summary>
public sealed record MorrisEffect(string Name, double Mu, double MuStar, double MuStarHalfWidth, double Sigma);

/// <summary>
/// Morris screening from a <see cref="MorrisDesign"/>'s outputs. Elementary effect of parameter i on trajectory t:
/// EE = (f(x + Δe_i) − f(x)) / Δ in the unit cube (Morris 1991); μ* = mean |EE| (Campolongo, Cariboni and Saltelli 2007),
/// σ the sample standard deviation of EE. μ*'s half-width: bootstrap over the trajectories, z times the standard deviation
/// of the resampled μ*, as SALib's morris.analyze reports it.
/// </summary>
public static class MorrisEffects
{
    public static IReadOnlyList<MorrisEffect> Analyze(MorrisDesign design, IReadOnlyList<ParameterRange> ranges, ReadOnlySpan<double> outputs,
        int resamples = 1000, double confidence = 0.95, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(design);
        Bootstrap.CheckOutputs(design.Parameters, design.Rows.Count, ranges, outputs, resamples, confidence);

        int k = design.Parameters, r = design.Trajectories;
        var effects = new double[k, r];
        for (var t = 0; t < r; t++)
            for (var s = 0; s < k; s++)
            {
                var (i, move) = design.StepOf(t, s);
                var at = t * (k + 1) + s;
                effects[i, t] = (outputs[at + 1] - outputs[at]) / move;
            }
        var samples = Bootstrap.Resamples(r, resamples, seed);
        var result = new MorrisEffect[k];
        for (var i = 0; i < k; i++)
        {
            var ee = Enumerable.Range(0, r).Select(t => effects[i, t]).ToArray();
            var muStar = ee.Average(Math.Abs);
            var boot = samples.Select(rows => rows.Average(t => Math.Abs(ee[t])));
            result[i] = new MorrisEffect(ranges[i].Name, ee.Average(), muStar, Bootstrap.HalfWidth(boot, confidence),
                Bootstrap.StandardDeviation(ee));
        }
        return result;
    }
}
