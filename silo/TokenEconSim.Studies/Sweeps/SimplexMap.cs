using System.Globalization;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>
/// The unconstrained parametrisation the tuner searches: (u, v) ∈ ℝ² ↦ (α, β, γ) = softmax(u, v, 0),
/// i.e. α = eᵘ/(eᵘ + eᵛ + 1), β = eᵛ/(…), γ = 1/(…). Every (u, v) is a valid weight vector (all > 0,
/// sum 1) and the inverse is u = ln(α/γ), v = ln(β/γ). Corners and edges are limits (|u|, |v| → ∞);
/// weights are rounded to <see cref="Decimals"/> places for the scenario, so they are reached to 10⁻⁴.
/// </summary>
public static class SimplexMap
{
    public const int Decimals = 4;

    /// <summary>Interior floor for the start point: ln(0) has no inverse.</summary>
    private const double Floor = 1e-3;

    public static (double U, double V) Inverse(double alpha, double beta, double gamma)
    {
        var (a, b, c) = (Math.Max(alpha, Floor), Math.Max(beta, Floor), Math.Max(gamma, Floor));
        return (Math.Log(a / c), Math.Log(b / c));
    }

    /// <summary>The weights as `--set` text: α and β rounded, γ = 1 − α − β in decimal (so the three sum to exactly 1).</summary>
    public static (string Alpha, string Beta, string Gamma) Weights(double u, double v)
    {
        // Shift by the largest exponent so e^x never overflows for a far-out simplex vertex.
        var m = Math.Max(0, Math.Max(u, v));
        var (eu, ev, e0) = (Math.Exp(u - m), Math.Exp(v - m), Math.Exp(-m));
        var sum = eu + ev + e0;
        var alpha = Math.Round((decimal)(eu / sum), Decimals);
        var beta = Math.Round((decimal)(ev / sum), Decimals);
        var gamma = 1m - alpha - beta;
        if (gamma < 0) (beta, gamma) = (beta + gamma, 0m);
        return (F(alpha), F(beta), F(gamma));
    }

    private static string F(decimal x) => x.ToString("0.####", CultureInfo.InvariantCulture);
}
