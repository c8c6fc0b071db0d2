using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Turns blocks into the forecast a predictive difficulty algorithm needs: over each window of W
/// blocks it sums expected hashes (2²⁵⁶/(target+1) per block) and elapsed seconds; when a window
/// closes, its hashrate H = Σ hashes / Σ seconds is observed by the predictor and the forecast
/// becomes (Ĥ, H). The same blocks give the same forecast, so producer and validators agree.
/// </summary>
public sealed class WindowHashrate(int window, IHashratePredictor predictor)
{
    private double _hashes;
    private double _seconds;
    private int _blocks;

    public HashrateForecast? Forecast { get; private set; }

    public async Task OnBlockAsync(double expectedHashes, double secondsSincePrevious)
    {
        _hashes += expectedHashes;
        _seconds += Math.Max(0, secondsSincePrevious);
        if (++_blocks < window) return;
        if (_seconds > 0)
        {
            var last = _hashes / _seconds;
            Forecast = await predictor.ObserveAsync(last) is { } predicted ? new HashrateForecast(predicted, last) : null;
        }
        (_hashes, _seconds, _blocks) = (0, 0, 0);
    }
}
