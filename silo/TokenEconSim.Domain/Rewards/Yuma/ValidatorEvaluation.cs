using MathNet.Numerics.Distributions;

namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// One validator's measurement of a role's contributors (docs/model.md §3.6, in the economy): the
/// true values V_j (a provider's n·q, a trainer's measured effect on validation accuracy) seen with
/// the validator's own bias b and noise σ, both in units of the role's mean value V̄ so that one
/// setting means the same for providers and trainers:
///   x_j = max(0, V_j + V̄·(b + σ·z_j)), z_j ~ N(0, 1) drawn in member order from the validator's stream.
/// The bias is additive on purpose: a multiplicative one would cancel in the weights' row normalisation.
/// A positive b flattens a validator's weights towards uniform, a negative one zeroes the weakest
/// contributors; σ spreads its weights away from the consensus, where Yuma's clipping bites.
/// </summary>
public static class ValidatorEvaluation
{
    /// <summary>The validator's scores of the role's members; no draw is spent when σ = 0.</summary>
    public static double[] Scores(ReadOnlySpan<double> values, double bias, double noise, Random stream)
    {
        if (values.Length == 0) return [];
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        var scores = new double[values.Length];
        for (var j = 0; j < values.Length; j++)
        {
            var error = bias + (noise > 0 ? noise * Normal.Sample(stream, 0, 1) : 0);
            scores[j] = Math.Max(0, values[j] + mean * error);
        }
        return scores;
    }
}
