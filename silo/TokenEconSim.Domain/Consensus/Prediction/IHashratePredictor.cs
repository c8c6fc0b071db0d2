namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Predicts the network hashrate of the coming difficulty window from the hashrates estimated for
/// the windows so far (one observation per window, in hashes per second).
/// </summary>
/// <remarks>Async because the silo hosts the LSTM in a predictor grain whose state is persisted.</remarks>
public interface IHashratePredictor
{
    /// <summary>Records the window just closed and returns the prediction for the next, or null with no history yet.</summary>
    Task<double?> ObserveAsync(double windowHashrate);
}

/// <summary>Ĥ = the last observed window: the baseline every predictor must beat.</summary>
public sealed class LastValuePredictor : IHashratePredictor
{
    public Task<double?> ObserveAsync(double windowHashrate) => Task.FromResult<double?>(windowHashrate);
}

/// <summary>An in-process predictor behind the async interface (the direct engine's LSTM).</summary>
public sealed class LocalLstmPredictor(LstmHashratePredictor predictor) : IHashratePredictor
{
    public Task<double?> ObserveAsync(double windowHashrate)
    {
        predictor.Observe(windowHashrate);
        return Task.FromResult(predictor.Predict());
    }
}
