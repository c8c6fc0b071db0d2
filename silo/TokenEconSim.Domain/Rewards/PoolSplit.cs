namespace TokenEconSim.Domain.Rewards;

/// <summary>
/// Pool mode (SPEC §5): agent i receives P · R_i / Σ_j R_j. Done in integers (R as 2⁻³² fixed point,
/// P in base units) and rounded down, so the payouts never exceed the pool, whatever the order.
/// </summary>
public static class PoolSplit
{
    public static long Share(long pool, Int128 score, Int128 scoreTotal)
    {
        if (score <= 0 || scoreTotal <= 0 || pool <= 0) return 0;
        return (long)(pool * score / scoreTotal);
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
