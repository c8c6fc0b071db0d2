namespace TokenEconSim.Domain.Tokens;

/// <summary>
/// A fraction in parts per million applied to token units with integer arithmetic, rounding down,
/// so a slash never burns more than the fraction and a commission never takes more than its share.
/// </summary>
public readonly record struct UnitFraction
{
    public const int Scale = 1_000_000;

    public int PartsPerMillion { get; }

    public UnitFraction(int partsPerMillion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partsPerMillion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partsPerMillion, Scale);
        PartsPerMillion = partsPerMillion;
    }

    /// <summary>A scenario's fraction (e.g. 0.05), rounded to the nearest part per million.</summary>
    public static UnitFraction FromDouble(double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in [0, 1]");
        return new UnitFraction((int)Math.Round(fraction * Scale, MidpointRounding.AwayFromZero));
    }

    /// <summary>⌊units · ppm / 10⁶⌋, in 128 bits so no amount of units overflows.</summary>
    public long Of(long units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        return (long)((Int128)units * PartsPerMillion / Scale);
    }
}
