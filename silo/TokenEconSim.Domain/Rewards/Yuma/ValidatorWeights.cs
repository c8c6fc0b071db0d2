namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// A validator's weights as subtensor stores them (docs/model.md §3.6): its scores of every uid,
/// max-upscaled to u16 so the best scores 65 535. Source: opentensor/subtensor,
/// pallets/subtensor/src/subnets/weights.rs <c>do_set_weights</c>, which passes the submitted values through
/// math.rs <c>vec_u16_max_upscale_to_u16</c> (w_j = round(65 535·x_j / max x)). The epoch normalises
/// each row again, so only the ratios matter; the u16 rounding is the part that shows.
/// </summary>
public static class ValidatorWeights
{
    /// <summary>round(65 535·x_j / max x), negatives and non-finite scores as 0; all zeros when no score is positive.</summary>
    public static ushort[] FromScores(ReadOnlySpan<double> scores)
    {
        var weights = new ushort[scores.Length];
        var max = 0.0;
        foreach (var x in scores)
            if (double.IsFinite(x) && x > max) max = x;
        if (max == 0) return weights;
        for (var j = 0; j < scores.Length; j++)
        {
            var x = double.IsFinite(scores[j]) ? Math.Max(0, scores[j]) : 0;
            weights[j] = (ushort)Math.Round(YumaParameters.U16Max * x / max, MidpointRounding.AwayFromZero);
        }
        return weights;
    }
}
