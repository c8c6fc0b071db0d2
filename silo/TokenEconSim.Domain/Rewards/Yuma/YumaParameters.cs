namespace TokenEconSim.Domain.Rewards.Yuma;

/// <summary>
/// The hyperparameters of one Yuma 3 epoch (docs/model.md §3.6), as opentensor/subtensor reads them in
/// pallets/subtensor/src/epoch/run_epoch.rs (<c>get_float_kappa</c>, <c>get_float_bonds_penalty</c>,
/// <c>compute_disabled_liquid_alpha</c>, <c>alpha_sigmoid</c>). Subtensor stores κ, the penalty and
/// α low/high as u16 fractions of 65 535 and the moving average in millionths; here they are the
/// fractions themselves.
/// </summary>
/// <param name="Kappa">κ, the stake share that must back a weight for it to count, in (0, 1).</param>
/// <param name="BondsPenalty">β_p in [0, 1]: bonds follow the raw weights at 0, the clipped ones at 1.</param>
/// <param name="BondsMovingAverage">The EMA's memory when liquid alpha is off: α = 1 − this, in [0, 1].</param>
/// <param name="LiquidAlpha">Per-bond α from <see cref="LiquidAlpha"/> instead of one α.</param>
/// <param name="AlphaLow">The smallest per-bond α, in (0, 1], at most <paramref name="AlphaHigh"/>.</param>
/// <param name="AlphaHigh">The largest per-bond α, in (0, 1].</param>
/// <param name="AlphaSigmoidSteepness">
/// Subtensor's <c>AlphaSigmoidSteepness</c> (an i16): the sigmoid's slope is steepness/100.
/// </param>
public sealed record YumaParameters(
    double Kappa,
    double BondsPenalty,
    double BondsMovingAverage,
    bool LiquidAlpha,
    double AlphaLow,
    double AlphaHigh,
    double AlphaSigmoidSteepness)
{
    /// <summary>The u16 scale on which subtensor stores weights, bonds, κ and α: 1.0 is 65 535.</summary>
    public const double U16Max = ushort.MaxValue;

    /// <summary>
    /// Subtensor's runtime defaults (runtime/src/lib.rs: <c>SubtensorInitialKappa</c> 32 767,
    /// <c>SubtensorInitialBondsPenalty</c> 65 535, <c>SubtensorInitialBondsMovingAverage</c> 900 000,
    /// <c>SubtensorInitialAlphaSigmoidSteepness</c> 1000; pallets/subtensor/src/lib.rs
    /// <c>DefaultAlphaValues</c> (45 875, 58 982)) with liquid alpha on, the Yuma 3 setting.
    /// </summary>
    public static YumaParameters Subtensor { get; } = new(
        Kappa: 32_767 / U16Max,
        BondsPenalty: 1,
        BondsMovingAverage: 0.9,
        LiquidAlpha: true,
        AlphaLow: 45_875 / U16Max,
        AlphaHigh: 58_982 / U16Max,
        AlphaSigmoidSteepness: 1000);

    /// <summary>What is wrong with these values, one line each, naming the parameter; empty when none.</summary>
    public IReadOnlyList<string> Problems() => [.. ProblemsByKey().Select(p => p.Message)];

    /// <summary>
    /// <see cref="Problems"/> with the scenario key (under rewards.yuma) each one is about, so that a scenario's error can point at
    /// where that key is written.
    /// </summary>
    public IReadOnlyList<(string Key, string Message)> ProblemsByKey()
    {
        var problems = new List<(string, string)>();
        if (!(Kappa > 0 && Kappa < 1)) problems.Add(("kappa", $"kappa must be in (0, 1), got {Kappa}"));
        if (!(BondsPenalty >= 0 && BondsPenalty <= 1)) problems.Add(("bonds_penalty", $"bonds_penalty must be in [0, 1], got {BondsPenalty}"));
        if (!(BondsMovingAverage >= 0 && BondsMovingAverage <= 1))
            problems.Add(("bonds_moving_average", $"bonds_moving_average must be in [0, 1], got {BondsMovingAverage}"));
        if (!(AlphaLow > 0 && AlphaLow <= 1)) problems.Add(("alpha_low", $"alpha_low must be in (0, 1], got {AlphaLow}"));
        if (!(AlphaHigh > 0 && AlphaHigh <= 1)) problems.Add(("alpha_high", $"alpha_high must be in (0, 1], got {AlphaHigh}"));
        if (AlphaLow > AlphaHigh) problems.Add(("alpha_low", $"alpha_low ({AlphaLow}) must not exceed alpha_high ({AlphaHigh})"));
        if (!double.IsFinite(AlphaSigmoidSteepness))
            problems.Add(("alpha_sigmoid_steepness", $"alpha_sigmoid_steepness must be finite, got {AlphaSigmoidSteepness}"));
        return problems;
    }

    /// <summary>These parameters, or an <see cref="ArgumentException"/> listing every problem.</summary>
    public YumaParameters Checked()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new ArgumentException(string.Join("; ", problems));
    }
}
