namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// What a population's agents know when they decide an epoch, the same for all of them; the epoch
/// loop computes it once per population at the barrier and sends it with the step order.
/// </summary>
/// <param name="RewardPerUnit">r̂: the population's total reward over the contribution units it was paid for (caught cheats excluded) in the last
/// scored epoch, tokens per unit; NaN before any.</param>
/// <param name="TokensPerNumeraire">τ: 1 when costs are in tokens, else 1 / token price (stable per token).</param>
/// <param name="DetectionProbability">d: probability that a cheat is caught this epoch (<see cref="Detection.Effective"/>).</param>
/// <param name="ValuePerCall">v: what a user's call is worth, in tokens (<see cref="RoleCosts.UserValuePerCall"/> × τ); 0 for other roles.</param>
/// <param name="LookBackProfit">Σ over the look-back of the best action's expected profit per unit of scale (<see cref="LookBack"/>); what entry
/// weighs. NaN before any.</param>
public readonly record struct EpochTerms(
    double RewardPerUnit,
    double TokensPerNumeraire = 1,
    double DetectionProbability = 0,
    double ValuePerCall = 0,
    double LookBackProfit = double.NaN)
{
    /// <summary>Before any epoch is scored: nothing observed yet.</summary>
    public static EpochTerms Initial(double tokensPerNumeraire = 1, double valuePerCall = 0, double detection = 0) =>
        new(double.NaN, tokensPerNumeraire, detection, valuePerCall);

    /// <summary>r̂ = reward / units; with no units (nobody took part) the last estimate stands.</summary>
    public static double ObservedRewardPerUnit(double totalReward, double totalUnits, double previous) =>
        totalUnits > 0 ? totalReward / totalUnits : previous;
}

/// <summary>How the validators' checks feed back into cheating.</summary>
public static class Detection
{
    /// <summary>
    /// d = d₀ · (validators taking part / validators): a check needs a validator, so the detection
    /// probability scales with the share of validators that took part in the last epoch (d₀ with all).
    /// </summary>
    public static double Effective(double baseProbability, int activeValidators, int validators) =>
        validators <= 0 ? 0 : baseProbability * Math.Clamp((double)activeValidators / validators, 0, 1);

    /// <summary>Whether this cheat is caught: one uniform draw u &lt; d from the agent's own stream.</summary>
    public static bool IsCaught(Random rng, double probability) => rng.NextDouble() < probability;
}
