namespace TokenEconSim.Domain.Rewards;

/// <summary>The contribution values of docs/model.md §2 (from the project's seed paper).</summary>
public static class ContributionValues
{
    /// <summary>V_D = n · q: records times quality.</summary>
    public static double DataValue(long records, double quality) => records * quality;

    /// <summary>V_T = c_gpu · g + c_acc · Δacc (defaults 0.5 and 10 000: 500 h and +2 % ⇒ 450).</summary>
    public static double TrainingValue(double gpuHours, double accuracyGain, double cGpu, double cAcc) =>
        cGpu * gpuHours + cAcc * accuracyGain;

    /// <summary>Synthetic learning (docs/model.md §2.2): Δacc = gain · q̄ · u with u ~ U(0,1) and q̄ the epoch's mean provider quality.</summary>
    public static double SyntheticAccuracyGain(double gain, double meanQuality, double uniform) => gain * meanQuality * uniform;
}

/// <summary>R = α·V_D + β·V_T + γ·V_U (docs/model.md §3.1); α, β, γ ≥ 0 with α + β + γ = 1.</summary>
public readonly record struct RewardWeights(double Alpha, double Beta, double Gamma)
{
    public double Reward(double valueData, double valueTraining, double valueUsage) =>
        Alpha * valueData + Beta * valueTraining + Gamma * valueUsage;
}
