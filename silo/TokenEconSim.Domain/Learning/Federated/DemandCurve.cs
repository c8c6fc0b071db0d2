using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>
/// Service users' demand under federated learning: each user's drawn calls are multiplied by
/// (acc / acc_ref)^ε_acc · (price / price_ref)^(−ε_price), a constant-elasticity demand curve, with
/// price = fee_per_call × token price in stable units. Capped at <see cref="MaxFactor"/> so that a
/// free service or a perfect model cannot ask for unbounded calls.
/// </summary>
public static class DemandCurve
{
    public const double MaxFactor = 10;

    public static double Factor(DemandSection demand, double accuracy, double pricePerCall)
    {
        var quality = Math.Pow(Math.Max(0, accuracy) / demand.ReferenceAccuracy, demand.AccuracyElasticity);
        var price = pricePerCall <= 0 ? MaxFactor : Math.Pow(pricePerCall / demand.ReferencePrice, -demand.PriceElasticity);
        return Math.Min(MaxFactor, quality * price);
    }
}
