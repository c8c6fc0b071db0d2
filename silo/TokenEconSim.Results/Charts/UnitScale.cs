namespace TokenEconSim.Results.Charts;

/// <summary>
/// Like <see cref="TokenScale"/> for quantities that are not tokens: a divisor and a unit so tick
/// labels stay short (ScottPlot would otherwise write 1.5E+12).
/// </summary>
internal sealed record UnitScale(double Divisor, string Unit)
{
    private static readonly string[] SiPrefixes = ["", "k", "M", "G", "T", "P", "E", "Z", "Y"];
    private static readonly string[] Words = ["", "thousand", "million", "billion", "trillion", "quadrillion"];

    /// <summary>SI prefix on <paramref name="unit"/>: H/s, kH/s, MH/s …</summary>
    public static UnitScale Si(IEnumerable<double> values, string unit)
    {
        var step = Step(values, SiPrefixes.Length);
        return new(Math.Pow(1000, step), SiPrefixes[step] + unit);
    }

    /// <summary>Plain numbers: "" (unit = empty), "thousand", "million" …</summary>
    public static UnitScale Plain(IEnumerable<double> values)
    {
        var step = Step(values, Words.Length);
        return new(Math.Pow(1000, step), Words[step]);
    }

    /// <summary>The power of 1000 that keeps the largest value below 10 000 (as TokenScale does).</summary>
    private static int Step(IEnumerable<double> values, int steps)
    {
        var max = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var step = 0;
        while (step + 1 < steps && max >= 1e4 * Math.Pow(1000, step)) step++;
        return step;
    }
}
