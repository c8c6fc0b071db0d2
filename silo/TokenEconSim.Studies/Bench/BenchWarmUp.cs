namespace TokenEconSim.Studies.Bench;

/// <summary>
/// When `silo bench` stops warming up. Tiered JIT promotes hot methods to optimised code in the background a while after they get
/// hot, and the direct engine was seen still speeding up across its timed runs (10 → 17 M agent-steps/s at N = 10⁵) after a fixed
/// 2 s warm-up; so every mode runs warm-up rounds for at least <see cref="MinTime"/> and until its last two rates agree within
/// <see cref="Tolerance"/>, capped at <see cref="MaxRounds"/> rounds (a machine too noisy to settle still gets measured, and the
/// spread says so).
/// </summary>
public static class BenchWarmUp
{
    public const double Tolerance = 0.05;
    public const int MinRounds = 2, MaxRounds = 10;
    public static readonly TimeSpan MinTime = TimeSpan.FromSeconds(2);

    /// <summary>True when the last two rates differ by at most <paramref name="tolerance"/> of the larger.</summary>
    public static bool IsStable(IReadOnlyList<double> rates, double tolerance = Tolerance)
    {
        if (rates.Count < MinRounds) return false;
        var (last, previous) = (rates[^1], rates[^2]);
        return Math.Abs(last - previous) <= tolerance * Math.Max(last, previous);
    }

    /// <summary>Whether the interleaved warm-up is over: every mode stable after <see cref="MinTime"/>, or the rounds used up.</summary>
    public static bool Done(IEnumerable<IReadOnlyList<double>> ratesPerMode, int rounds, TimeSpan elapsed) =>
        rounds >= MaxRounds || (elapsed >= MinTime && ratesPerMode.All(rates => IsStable(rates)));
}
