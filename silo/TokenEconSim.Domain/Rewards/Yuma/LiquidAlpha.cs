namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// Yuma 3's per-bond EMA rate (docs/model.md §3.6): a validator's bond to a contributor moves fast
/// (towards α_high) when its weight runs ahead of consensus or falls well below its bond, slowly
/// (α_low) when it agrees. Source: opentensor/subtensor, pallets/subtensor/src/epoch/run_epoch.rs,
/// <c>alpha_sigmoid</c> and <c>compute_liquid_alpha_values</c>.
/// </summary>
public static class LiquidAlpha
{
    /// <summary>
    /// α = clamp(α_low + σ·(α_high − α_low), α_low, α_high) with σ = 1/(1 + e^{−(k/100)(d − ½)}) and
    /// d = clamp(w − c, 0, 1) when w ≥ b (buying ahead of consensus), else clamp(b − w, 0, 1) (selling).
    /// Subtensor's <c>exp_safe</c> clamps the exponent to [−20, 20]; so does this.
    /// </summary>
    public static double Of(double consensus, double weight, double bond, YumaParameters p)
    {
        var difference = weight >= bond ? Math.Clamp(weight - consensus, 0, 1) : Math.Clamp(bond - weight, 0, 1);
        var exponent = Math.Clamp(p.AlphaSigmoidSteepness / -100 * (difference - 0.5), -20, 20);
        var sigmoid = 1 / (1 + Math.Exp(exponent));
        return Math.Clamp(p.AlphaLow + sigmoid * (p.AlphaHigh - p.AlphaLow), p.AlphaLow, p.AlphaHigh);
    }
}
