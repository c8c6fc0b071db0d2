namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// What taking part costs each role, and what a call is worth to a user, per epoch. Every amount is
/// in the scenario's numeraire (<c>behaviour.numeraire</c>): tokens, or stable units that
/// <see cref="ToTokens"/> converts at the token price. docs/model.md, "Agents' behaviour and
/// incentives", gives each formula and its source.
/// </summary>
public static class RoleCosts
{
    /// <summary>
    /// A provider's batch of n records at quality effort q: C = n·(c₀ + c₁·q^k). Linear in the batch
    /// (every record is collected and cleaned), convex in quality for k &gt; 1 (each further point of
    /// quality costs more), the usual shape of an effort cost (Holmström 1979's convex cost of effort).
    /// </summary>
    public static double ProviderBatch(double records, double quality, double costPerRecord, double qualityCost, double exponent) =>
        records * (costPerRecord + qualityCost * Math.Pow(quality, exponent));

    /// <summary>A trainer's compute: C = g·c_gpu, g GPU-hours at c_gpu per GPU-hour.</summary>
    public static double Trainer(double gpuHours, double costPerGpuHour) => gpuHours * costPerGpuHour;

    /// <summary>A miner's energy: C = h·c_e, h the hashrate switched on, c_e per unit of hashrate per epoch.</summary>
    public static double MinerEnergy(double hashrate, double energyCostPerUnit) => hashrate * energyCostPerUnit;

    /// <summary>
    /// A validator's opportunity cost of bonding stake s for one epoch at yield y per epoch: C = s·y,
    /// what the stake would have earned elsewhere.
    /// </summary>
    public static double ValidatorStake(double stake, double yieldPerEpoch) => stake * yieldPerEpoch;

    /// <summary>
    /// What one call is worth to its user: v = v₀·(acc / acc_ref)^ε, rising with the model's accuracy
    /// (the demand curve's accuracy term, docs/model.md §10.6). Without a learned model acc = acc_ref, so v = v₀.
    /// </summary>
    public static double UserValuePerCall(double valueAtReference, double accuracy, double referenceAccuracy, double elasticity) =>
        valueAtReference * Math.Pow(Math.Max(0, accuracy) / referenceAccuracy, elasticity);

    /// <summary>
    /// A user's surplus from k calls: k·(v − φ), the value of the calls less the fee φ per call (in
    /// tokens). The fee is charged in tokens whatever the numeraire.
    /// </summary>
    public static double UserSurplus(double calls, double valuePerCallTokens, double feePerCallTokens) =>
        calls * (valuePerCallTokens - feePerCallTokens);

    /// <summary>
    /// A numeraire amount in tokens: x / p with p the token price in stable per token (1 without a
    /// token market), or x itself when costs are written in tokens.
    /// </summary>
    public static double ToTokens(double amount, bool inStable, double tokenPrice) =>
        inStable ? amount / tokenPrice : amount;
}
