namespace TokenEconSim.Results.Charts;

/// <summary>
/// Picks a unit (tokens, thousand, million, billion) so axis tick labels stay short and the
/// axis title says what they mean, instead of ScottPlot writing 1E+08.
/// </summary>
internal sealed record TokenScale(double Divisor, string Unit)
{
    public static TokenScale For(IEnumerable<double> tokens)
    {
        var max = tokens.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return max switch
        {
            >= 1e9 => new(1e9, "billion tokens"),
            >= 1e6 => new(1e6, "million tokens"),
            >= 1e4 => new(1e3, "thousand tokens"),
            _ => new(1, "tokens"),
        };
    }
}
