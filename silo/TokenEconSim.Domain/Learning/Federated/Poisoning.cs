using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>
/// Byzantine trainers' poisoned updates, made from the honest update Δ they computed (the model
/// poisoning attacks studied by Blanchard et al. 2017 and Yin et al. 2018): sign_flip −s·Δ,
/// scaled s·Δ, random N(0, (s·rms Δ)²) per coordinate, rms Δ = √(Σ Δ_k² / (d+1)).
/// </summary>
public static class Poisoning
{
    public static void Apply(double[] delta, PoisonAttack attack, double scale, Random rng)
    {
        switch (attack)
        {
            case PoisonAttack.SignFlip:
                for (var k = 0; k < delta.Length; k++) delta[k] *= -scale;
                break;
            case PoisonAttack.Scaled:
                for (var k = 0; k < delta.Length; k++) delta[k] *= scale;
                break;
            default:
                var sumSquares = 0.0;
                foreach (var v in delta) sumSquares += v * v;
                var sd = scale * Math.Sqrt(sumSquares / delta.Length);
                for (var k = 0; k < delta.Length; k++) delta[k] = sd > 0 ? Normal.Sample(rng, 0, sd) : 0;
                break;
        }
    }
}
