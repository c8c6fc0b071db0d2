using TokenEconSim.Domain.Consensus.Difficulty;

namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Turns blocks into the forecast a predictive difficulty algorithm needs: over each window of W
/// blocks it sums expected hashes (2²⁵⁶/(target+1) per block) and elapsed seconds; when a window
/// closes, its hashrate H = Σ hashes / Σ seconds is observed by the predictor and the forecast
/// becomes (Ĥ, H, skill). The same blocks give the same forecast, so producer and validators agree,
/// and a restore that replays the blocks rebuilds all of it.
/// </summary>
/// <remarks>
/// Skill is the RMSE skill score against persistence (Murphy 1988, Mon. Wea. Rev. 116:2417): over the last
/// <c>skillWindows</c> closed windows, 1 − √(Σ ln²(Ĥ/H) / Σ ln²(H_prev/H)), each forecast scored against the window it
/// predicted; floored at 0, and 0 until that many windows are scored, so a forecaster earns trust only by beating
/// "next window = last window" on the run's own recent record.
/// </remarks>
public sealed class WindowHashrate(int window, IHashratePredictor predictor, int skillWindows = 1)
{
    private readonly Queue<(double Forecast, double Persistence)> _squaredErrors = new();
    private double _hashes;
    private double _seconds;
    private int _blocks;

    public HashrateForecast? Forecast { get; private set; }

    /// <param name="context">What the chain knows at this block (the window's context when it is the window's last).</param>
    public async Task OnBlockAsync(double expectedHashes, double secondsSincePrevious, WindowContext? context = null)
    {
        _hashes += expectedHashes;
        _seconds += Math.Max(0, secondsSincePrevious);
        if (++_blocks < window) return;
        if (_seconds > 0)
        {
            var last = _hashes / _seconds;
            Score(last);
            var observed = new WindowObservation(last, context ?? WindowContext.None);
            Forecast = await predictor.ObserveAsync(observed) is { } predicted ? new HashrateForecast(predicted, last, Skill()) : null;
        }
        (_hashes, _seconds, _blocks) = (0, 0, 0);
    }

    private void Score(double observed)
    {
        if (Forecast is not { Predicted: > 0, Last: > 0 } previous || !(observed > 0)) return;
        var forecastError = Math.Log(previous.Predicted / observed);
        var persistenceError = Math.Log(previous.Last / observed);
        _squaredErrors.Enqueue((forecastError * forecastError, persistenceError * persistenceError));
        if (_squaredErrors.Count > skillWindows) _squaredErrors.Dequeue();
    }

    private double Skill()
    {
        if (_squaredErrors.Count < skillWindows) return 0;
        double forecast = 0, persistence = 0;
        foreach (var (f, p) in _squaredErrors) (forecast, persistence) = (forecast + f, persistence + p);
        return persistence > 0 ? Math.Max(0, 1 - Math.Sqrt(forecast / persistence)) : 0;
    }
}
