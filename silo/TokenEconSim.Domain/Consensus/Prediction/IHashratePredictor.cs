namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Predicts the network hashrate of the coming difficulty window from the hashrates estimated for
/// the windows so far (one observation per window, in hashes per second).
/// </summary>
public interface IHashratePredictor
{
    void Observe(double windowHashrate);

    /// <summary>The prediction for the next window, or null while the predictor has too little history.</summary>
    double? Predict();
}

/// <summary>Ĥ = the last observed window: the baseline every predictor must beat.</summary>
public sealed class LastValuePredictor : IHashratePredictor
{
    private double? _last;

    public void Observe(double windowHashrate) => _last = windowHashrate;

    public double? Predict() => _last;
}
