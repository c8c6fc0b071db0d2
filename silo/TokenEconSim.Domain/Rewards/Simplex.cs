namespace TokenEconSim.Domain.Rewards;

/// <summary>
/// The simplex α + β + γ = 1, each ≥ 0 (docs/model.md §3.1), within a tolerance for decimal input:
/// the one rule for reward weights wherever they come from (the scenario's rewards, a governance
/// proposal, the DAO's state) and for any other three weights that must form a convex combination.
/// </summary>
public static class Simplex
{
    /// <summary>How far from 1 a sum written in decimal may land after parsing to binary.</summary>
    public const double Tolerance = 1e-9;

    public static bool Contains(RewardWeights w) => Contains(w.Alpha, w.Beta, w.Gamma);

    public static bool Contains(double a, double b, double c) =>
        a >= 0 && b >= 0 && c >= 0 && Math.Abs(a + b + c - 1) <= Tolerance;

    /// <summary>
    /// Moves <paramref name="step"/> of weight to role <paramref name="to"/> (0 = α, 1 = β, 2 = γ),
    /// taken from the other two in proportion to their weights, so none goes below 0 and the sum stays 1.
    /// The step is capped at what the others hold.
    /// </summary>
    public static RewardWeights Shift(RewardWeights w, int to, double step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        double[] x = [w.Alpha, w.Beta, w.Gamma];
        var others = 1 - x[to];
        var moved = Math.Min(step, Math.Max(0, others));
        if (moved <= 0) return w;
        var othersSum = 0.0;
        for (var k = 0; k < 3; k++) if (k != to) othersSum += x[k];
        for (var k = 0; k < 3; k++)
            x[k] = k == to ? x[k] + moved : Math.Max(0, x[k] - moved * x[k] / othersSum);
        // The last of the three absorbs the rounding, so the sum is 1 to the last bit it can be.
        var last = to == 2 ? 1 : 2;
        x[last] = Math.Max(0, 1 - x[(last + 1) % 3] - x[(last + 2) % 3]);
        return new RewardWeights(x[0], x[1], x[2]);
    }
}
