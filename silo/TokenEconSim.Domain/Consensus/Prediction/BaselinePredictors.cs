namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Holt's linear trend on ln H (Holt 1957; Hyndman &amp; Athanasopoulos, Forecasting: Principles and Practice,
/// 3rd ed., §8.2):
/// level ℓ_k = α·y_k + (1 − α)(ℓ_{k−1} + b_{k−1}), trend b_k = β(ℓ_k − ℓ_{k−1}) + (1 − β)·b_{k−1}, forecast exp(ℓ_k + b_k).
/// Starts at ℓ = y₀, b = 0, so its first forecast is the last value. On logs, a steady growth rate is a linear trend.
/// </summary>
public sealed class HoltPredictor(double alpha, double beta) : IHashratePredictor
{
    private double _level, _trend;
    private bool _started;

    public Task<double?> ObserveAsync(WindowObservation window)
    {
        var windowHashrate = window.Hashrate;
        if (!(windowHashrate > 0)) return Task.FromResult<double?>(_started ? Math.Exp(_level + _trend) : null);
        var y = Math.Log(windowHashrate);
        if (!_started) (_level, _trend, _started) = (y, 0, true);
        else
        {
            var previous = _level;
            _level = alpha * y + (1 - alpha) * (_level + _trend);
            _trend = beta * (_level - previous) + (1 - beta) * _trend;
        }
        return Task.FromResult<double?>(Math.Exp(_level + _trend));
    }

    /// <summary>Forecasts 1…<paramref name="horizons"/> windows ahead: exp(ℓ + j·b) (ibid., §8.2); empty before the first window.</summary>
    public double[] Ahead(int horizons) =>
        _started ? [.. Enumerable.Range(1, horizons).Select(j => Math.Exp(_level + j * _trend))] : [];
}

/// <summary>
/// Seasonal naive (Hyndman &amp; Athanasopoulos §5.2): the next window repeats the window one season of m windows earlier,
/// Ĥ_{k+1} = H_{k+1−m}; with fewer than m observations it is the last value. The right baseline for periodic hash switching.
/// </summary>
public sealed class SeasonalNaivePredictor(int seasonWindows) : IHashratePredictor
{
    private readonly Queue<double> _season = new();

    public Task<double?> ObserveAsync(WindowObservation window)
    {
        var windowHashrate = window.Hashrate;
        _season.Enqueue(windowHashrate);
        if (_season.Count < seasonWindows) return Task.FromResult<double?>(windowHashrate);
        if (_season.Count > seasonWindows) _season.Dequeue();
        return Task.FromResult<double?>(_season.Peek());
    }

    /// <summary>
    /// Forecasts 1…<paramref name="horizons"/> windows ahead: Ĥ_{k+j} = H_{k+j−m·⌈j/m⌉} (ibid., §5.2), the last value until a season
    /// is seen.
    /// </summary>
    public double[] Ahead(int horizons)
    {
        if (_season.Count == 0) return [];
        var season = _season.ToArray();
        return [.. Enumerable.Range(1, horizons).Select(j => season.Length < seasonWindows ? season[^1] : season[(j - 1) % seasonWindows])];
    }
}
