using System.Numerics;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Consensus.Difficulty;

/// <summary>
/// <c>predictive_asert</c>: aserti3-2d blended with the difficulty the forecast asks for. D_Ĥ = Ĥ·T is the work
/// per block that gives T-second blocks at the predicted hashrate; the block's difficulty is
/// ln D = (1 − w)·ln D_asert + w·ln D_Ĥ, with w = trust_max · skill (the forecaster's recent skill against last
/// value, <see cref="Prediction.WindowHashrate"/>) and D_Ĥ / D_asert clamped to [1/4, 4]. At skill 0 the bits are
/// ASERT's, bit for bit. Stability (docs/model.md §4.2): ASERT is an integral controller on the schedule error, and
/// w ≤ trust_max &lt; 1 leaves it a gain (1 − w)·ln 2 / half_life, so a biased forecast is integrated away, while the
/// feed-forward term is bounded and does not compound (ASERT recomputes from its anchor every block).
/// </summary>
public sealed class BlendedAsertDifficulty(DifficultySettings settings) : IDifficultyAlgorithm
{
    private readonly AsertDifficulty _asert = new(settings);

    public string Name => Naming.Of(DifficultyAlgorithmKind.PredictiveAsert);
    public uint InitialBits => _asert.InitialBits;
    public BigInteger PowLimit => _asert.PowLimit;

    public uint NextBits(IChainHistory history, NextBlock next)
    {
        var bits = _asert.NextBits(history, next);
        if (next.Forecast is not { Predicted: > 0, Skill: > 0 } f) return bits;
        var wanted = f.Predicted * settings.TargetSpacing / CompactTarget.ExpectedHashes(bits);
        return PredictiveDifficulty.ScaleDifficulty(bits, Math.Pow(Math.Clamp(wanted, 0.25, 4), settings.TrustMax * f.Skill), PowLimit);
    }
}
