using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Market;

/// <summary>
/// The token's price when it is set on outside markets (docs/model.md §12.4): without the pool, an AR(1) in logs,
/// ln p_e = (1 − κ)·ln p_{e−1} + σ·Z_e from p_0 = 1, Z_e from the shared stream of epoch e, κ = <c>market.price_reversion</c>,
/// σ = <c>market.price_sigma</c>. A pure function of (run seed, epoch), so a restored run and every engine read the same price.
/// </summary>
public sealed class OutsidePrice(double sigma, double reversion, long runSeed)
{
    private readonly List<double> _logs = [0];

    /// <summary>Null unless the scenario asks for it: the price stays 1 (or the pool's) and nothing is drawn.</summary>
    public static OutsidePrice? For(Scenario scenario) =>
        scenario.Market is { Enabled: false, PriceSigma: > 0 } m ? new OutsidePrice(m.PriceSigma, m.PriceReversion, scenario.Run.Seed) : null;

    /// <summary>p_e in stable per token.</summary>
    public double At(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        while (_logs.Count <= epoch)
        {
            var z = Normal.Sample(Seeds.SharedRng(runSeed, _logs.Count, RngPurpose.TokenPrice), 0, 1);
            _logs.Add((1 - reversion) * _logs[^1] + sigma * z);
        }
        return Math.Exp(_logs[epoch]);
    }
}
