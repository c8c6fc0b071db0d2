using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Behaviour;

/// <summary>
/// What the epoch loop and the shards need from the scenario to run a population's behaviour: its
/// section by role, whether it responds at all, its maximum population, and the terms of an epoch.
/// </summary>
public static class PopulationBehaviour
{
    /// <summary>The behaviour section of a role.</summary>
    public static RoleBehaviourSection SectionOf(BehaviourSection behaviour, Role role) => role switch
    {
        Role.DataProvider => behaviour.DataProviders,
        Role.Trainer => behaviour.Trainers,
        Role.ServiceUser => behaviour.Users,
        Role.Validator => behaviour.Validators,
        Role.Miner => behaviour.Miners,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>True when the role's agents choose (any model but fixed).</summary>
    public static bool Responds(BehaviourSection behaviour, Role role) => SectionOf(behaviour, role).Model != BehaviourModel.Fixed;

    /// <summary>Agents the role's segment must hold, latent ones included: the count, or max_count when larger (a fixed role: the count).</summary>
    public static int Hosted(BehaviourSection behaviour, Role role, int count)
    {
        var s = SectionOf(behaviour, role);
        return s.Model == BehaviourModel.Fixed ? count : Math.Max(count, s.MaxCount);
    }

    /// <summary>The role's actions (<paramref name="feePerCall"/>: `token.fee_per_call`, for users).</summary>
    public static ActionSet Actions(BehaviourSection behaviour, Role role, double feePerCall) =>
        ActionSet.For(SectionOf(behaviour, role), feePerCall);

    /// <summary>
    /// The terms of an epoch for a role, from what the barrier observed: r̂ (NaN before any), the
    /// token price (stable per token, 1 without a market), the validators taking part, the model's
    /// accuracy (users' value; the reference accuracy without learning) and the look-back sum.
    /// </summary>
    public static EpochTerms Terms(BehaviourSection behaviour, Role role, double rewardPerUnit, double tokenPrice,
        int activeValidators, int validators, double accuracy, double lookBackProfit)
    {
        var s = SectionOf(behaviour, role);
        var tokensPerNumeraire = behaviour.Numeraire == CostNumeraire.Stable ? 1 / tokenPrice : 1;
        var detection = s is StakedRoleBehaviourSection staked ? Detection.Effective(staked.DetectionProbability, activeValidators, validators) : 0;
        var value = s is UserBehaviour u
            ? RoleCosts.UserValuePerCall(
                u.ValuePerCall, double.IsNaN(accuracy) ? u.ReferenceAccuracy : accuracy, u.ReferenceAccuracy, u.AccuracyElasticity)
              * tokensPerNumeraire
            : 0;
        return new EpochTerms(rewardPerUnit, tokensPerNumeraire, detection, value, lookBackProfit);
    }
}
