using System.Numerics;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// <c>lstm</c>: the seeds' predictive rule. Once per window of W blocks (windows are heights
/// kW+1 … (k+1)W; the first block after a window, h mod W = 1, is adjusted), D_next = D_tip · (1 + η · (Ĥ − H_last) / H_last), with Ĥ the
/// predicted hashrate of
/// the coming window and H_last the hashrate estimated from the window just ended; inside a window,
/// and while no forecast exists yet (the predictor's warm-up), the tip's bits carry over. The rule
/// reacts to predicted changes only: it never corrects a level error left by an unpredicted shock.
/// Targets are scaled in integers (factor in parts per 2³²), capped at the pow limit.
/// </summary>
public sealed class PredictiveDifficulty(DifficultySettings settings) : IDifficultyAlgorithm
{
    private const int Scale = 32;

    public string Name => Naming.Of(DifficultyAlgorithmKind.Lstm);
    public uint InitialBits { get; } = DifficultyGuards.CheckInitialBits(settings.ResolveInitialBits(), settings.PowLimit);
    public BigInteger PowLimit => settings.PowLimit;

    public uint NextBits(IChainHistory history, NextBlock next)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0) return InitialBits;
        var tipBits = history.Bits(history.Count - 1);
        if ((history.Count - 1) % settings.RetargetWindow != 0 || next.Forecast is not { Last: > 0 } f) return tipBits;
        var factor = 1 + settings.Eta * (f.Predicted - f.Last) / f.Last; // η ≤ 0.1 keeps it ≥ 0.9
        return ScaleDifficulty(tipBits, factor, PowLimit);
    }

    /// <summary>nBits for difficulty × <paramref name="factor"/>: target / factor, in 2⁻³² fixed point.</summary>
    public static uint ScaleDifficulty(uint bits, double factor, BigInteger powLimit)
    {
        if (!(factor > 0) || !double.IsFinite(factor)) return bits;
        var target = CompactTarget.ToTarget(bits) * (BigInteger.One << Scale) / new BigInteger(Math.Round(factor * (1L << Scale)));
        return CompactTarget.Encode(BigInteger.Max(BigInteger.One, BigInteger.Min(target, powLimit)));
    }
}

/// <summary>
/// <c>lstm_asert</c>: aserti3-2d with the predicted hashrate change fed forward. ASERT sets the
/// target from how far the chain runs ahead of schedule, which only reacts after blocks have come
/// fast or slow; the feed-forward term multiplies ASERT's difficulty by Ĥ / H_last (clamped to
/// [1/2, 2]) so an anticipated change is priced in before it shows in block times. Because ASERT
/// recomputes from its anchor every block, the factor does not compound.
/// </summary>
public sealed class PredictiveAsertDifficulty(DifficultySettings settings) : IDifficultyAlgorithm
{
    private readonly AsertDifficulty _asert = new(settings);

    public string Name => Naming.Of(DifficultyAlgorithmKind.LstmAsert);
    public uint InitialBits => _asert.InitialBits;
    public BigInteger PowLimit => _asert.PowLimit;

    public uint NextBits(IChainHistory history, NextBlock next)
    {
        var bits = _asert.NextBits(history, next);
        if (next.Forecast is not { Last: > 0, Predicted: > 0 } f) return bits;
        return PredictiveDifficulty.ScaleDifficulty(bits, Math.Clamp(f.Predicted / f.Last, 0.5, 2), PowLimit);
    }
}
