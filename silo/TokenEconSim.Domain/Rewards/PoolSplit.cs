namespace TokenEconSim.Domain.Rewards;

/// <summary>
/// Pool mode (docs/model.md §3.2): agent i receives P · R_i / Σ_j R_j. Done in integers (R as 2⁻³² fixed point,
/// P in base units) and rounded down, so the payouts never exceed the pool, whatever the order.
/// </summary>
public static class PoolSplit
{
    public static long Share(long pool, Int128 score, Int128 scoreTotal)
    {
        if (score <= 0 || scoreTotal <= 0 || pool <= 0) return 0;
        // Fast path, same integer: when score and total fit in 64 bits (scores up to ~4·10⁹ tokens),
        // a 64×64→128 product over a 64-bit divisor costs ~3 ns where Int128 ÷ Int128 costs ~30;
        // this runs once per agent per epoch.
        if (score > scoreTotal) throw new ArgumentOutOfRangeException(nameof(score), "a score cannot exceed the total it is part of");
        if (scoreTotal <= ulong.MaxValue)
        {
            var high = Math.BigMul((ulong)pool, (ulong)score, out var low);
            return (long)(new UInt128(high, low) / (ulong)scoreTotal);
        }
        // pool · score can pass 2¹²⁷ here, so the rare huge totals go through BigInteger.
        return (long)(System.Numerics.BigInteger.Multiply(pool, (System.Numerics.BigInteger)score) / (System.Numerics.BigInteger)scoreTotal);
    }

    /// <summary>Absolute mode: R_i tokens (score in 2⁻³² fixed point) to base units, rounded down.</summary>
    public static long Absolute(Int128 score, long unitsPerToken) =>
        score <= 0 ? 0 : (long)((score * unitsPerToken) >> 32);
}

/// <summary>Emission with halvings: amount / 2^⌊epoch / interval⌋ (interval 0 = never halves).</summary>
public static class Emission
{
    public static long Halved(long units, int epoch, int halvingInterval)
    {
        if (halvingInterval <= 0) return units;
        var halvings = epoch / halvingInterval;
        return halvings >= 63 ? 0 : units >> halvings;
    }
}
