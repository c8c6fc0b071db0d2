namespace TokenEconSim.Domain.Rewards;

/// <summary>
/// Shares mode: α, β, γ are the fractions of the pool P that go to providers, trainers and users,
/// and each role's part is split among its members by their values (docs/model.md §3, shares mode).
/// Exact in integers like <see cref="PoolSplit"/>: the weights become 2⁻³² fixed point, each role's
/// part is ⌊P·Q(w_r)/Σ_s Q(w_s)⌋ and each member's ⌊P_r·Q(R_i)/Σ_role Q(R_j)⌋, so the payouts never
/// exceed the pool, whatever the order. Within a role R_i = w_r·V_i, so splitting by R splits by V.
/// </summary>
public static class SharesSplit
{
    private const double Scale = 4294967296.0; // 2^32

    /// <summary>The parts of the pool for providers, trainers and users, in base units; their sum is at most the pool.</summary>
    public static (long Data, long Training, long Usage) RolePools(long pool, RewardWeights weights)
    {
        if (pool <= 0) return (0, 0, 0);
        var (a, b, g) = (Fixed(weights.Alpha), Fixed(weights.Beta), Fixed(weights.Gamma));
        var total = a + b + g;
        if (total == 0) return (0, 0, 0);
        return (PoolSplit.Share(pool, a, total), PoolSplit.Share(pool, b, total), PoolSplit.Share(pool, g, total));
    }

    /// <summary>
    /// A member's payout: its role's part split by score, ⌊P_r·Q(R_i)/Σ_role Q(R_j)⌋. A role with no
    /// score pays no one; its part stays in the treasury with the rounding dust.
    /// </summary>
    public static long Share(long rolePool, Int128 score, Int128 roleScoreTotal) => PoolSplit.Share(rolePool, score, roleScoreTotal);

    private static long Fixed(double weight) => (long)Math.Round(Math.Max(0, weight) * Scale, MidpointRounding.ToEven);
}
