namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// What the chain knew when a window closed, besides its hashrate: the token price its epoch was drawn at (stable per token, 1
/// without a market), the block reward in tokens, the difficulty of its last block and that block's header time (seconds). Every
/// field comes from the epoch's consensus input and the chain, so both engines, and a restore replaying the blocks, see the same.
/// </summary>
public readonly record struct WindowContext(double TokenPrice, double BlockReward, double Difficulty, long Time)
{
    public static WindowContext None { get; } = new(1, 0, 0, 0);
}

/// <summary>A closed window: its estimated hashrate (hashes per second) and its <see cref="WindowContext"/>.</summary>
public readonly record struct WindowObservation(double Hashrate, WindowContext Context)
{
    /// <summary>A window known by its hashrate alone (the univariate forecasters read nothing else).</summary>
    public static implicit operator WindowObservation(double hashrate) => new(hashrate, WindowContext.None);
}

/// <summary>
/// Predicts the network hashrate of the coming difficulty window from the windows so far (one observation per window). The
/// horizon is one window of <c>retarget_window</c> blocks: the span over which the forecast is in force (docs/model.md §4.2).
/// </summary>
/// <remarks>Async because the silo hosts the LSTM in a predictor grain whose state is persisted.</remarks>
public interface IHashratePredictor
{
    /// <summary>Records the window just closed and returns the prediction for the next, or null with no history yet.</summary>
    Task<double?> ObserveAsync(WindowObservation window);
}

/// <summary>Ĥ = the last observed window: the baseline every predictor must beat.</summary>
public sealed class LastValuePredictor : IHashratePredictor
{
    public Task<double?> ObserveAsync(WindowObservation window) => Task.FromResult<double?>(window.Hashrate);
}

/// <summary>An in-process predictor behind the async interface (the direct engine's LSTM).</summary>
public sealed class LocalLstmPredictor(LstmHashratePredictor predictor) : IHashratePredictor
{
    public Task<double?> ObserveAsync(WindowObservation window)
    {
        predictor.Observe(window.Hashrate, window.Context);
        return Task.FromResult(predictor.Predict());
    }
}
