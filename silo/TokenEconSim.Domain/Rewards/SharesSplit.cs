namespace TokenEconSim.Domain.Rewards;

/// <summary>
/// Shares mode: α, β, γ are the fractions of the pool P that go to providers, trainers and users,
/// and each role's part is split among its members by their values (docs/model.md §3, shares mode).
/// Exact and rounded down like <see cref="PoolSplit"/>: each role's part is ⌊P·w_r/Σw⌋ and each
/// member's ⌊P_r·Q(R_i)/Σ_role Q(R_j)⌋, so the payouts never exceed the pool, whatever the order.
/// Within a role R_i = w_r·V_i, so splitting by R splits by V.
/// </summary>
public static class SharesSplit
{
    /// <summary>
    /// The parts of the pool for providers, trainers and users, in base units:
    /// P_r = ⌊P·w_r / (α + β + γ)⌋ in decimal arithmetic (the weights as written, 0.4 exactly, as
    /// token amounts are converted), so 10 000 tokens at 0.4/0.3/0.3 part into exactly 4 000, 3 000
    /// and 3 000. Their sum is at most the pool.
    /// </summary>
    public static (long Data, long Training, long Usage) RolePools(long pool, RewardWeights weights)
    {
        if (pool <= 0) return (0, 0, 0);
        var (a, b, g) = (Exact(weights.Alpha), Exact(weights.Beta), Exact(weights.Gamma));
        var total = a + b + g;
        if (total == 0) return (0, 0, 0);
        var (data, training) = (Part(pool, a, total), Part(pool, b, total));
        // Decimal keeps 28 digits, so a product is rounded before the floor: cap the last part so
        // the three never pass the pool even then.
        return (data, training, Math.Min(Part(pool, g, total), pool - data - training));
    }

    private static decimal Exact(double weight) => (decimal)Math.Max(0, weight);

    private static long Part(long pool, decimal weight, decimal total) => (long)decimal.Floor(pool * weight / total);

    /// <summary>
    /// A member's payout: its role's part split by score, ⌊P_r·Q(R_i)/Σ_role Q(R_j)⌋. A role with no
    /// score pays no one; its part stays in the treasury with the rounding dust.
    /// </summary>
    public static long Share(long rolePool, Int128 score, Int128 roleScoreTotal) => PoolSplit.Share(rolePool, score, roleScoreTotal);

}
