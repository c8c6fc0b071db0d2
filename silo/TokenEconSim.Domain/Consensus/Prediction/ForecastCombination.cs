namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Combines several forecasters' hashrate forecasts, per horizon, with weights inversely proportional to each one's discounted
/// mean squared log error (Bates &amp; Granger 1969, "The combination of forecasts"; the discounted form is Stock &amp; Watson 2004,
/// "Combination forecasts of output growth in a seven-country data set", J. Forecasting 23:405–430):
/// w_{i,h} ∝ 1 / Σ_s δ^{t−s} e²_{i,h,s}, with e = ln Ĥ − ln H, and the combined forecast exp(Σ_i w_i ln Ĥ_i / Σ_i w_i).
/// A forecast for window k+h is scored only when window k+h has been observed, so the weights never see the future; until a
/// horizon holds <see cref="MinimumScores"/> scores its components weigh equally.
/// </summary>
public sealed class ForecastCombination
{
    /// <summary>Scores a horizon needs before its weights depart from equal ones.</summary>
    public const int MinimumScores = 3;

    private readonly double _discount;
    private readonly double[,] _squares; // [horizon − 1, component]: discounted sums of squared log errors
    private readonly int[] _scores;
    private readonly Queue<IReadOnlyList<double[]>> _recent = new(); // the last forecasts made, oldest first

    public ForecastCombination(int components, int horizons, double discount)
    {
        if (components < 1 || horizons < 1) throw new ArgumentOutOfRangeException(nameof(components), "needs a component and a horizon");
        if (!(discount is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(discount), "discount must be in (0, 1]");
        _discount = discount;
        _squares = new double[horizons, components];
        _scores = new int[horizons];
    }

    private int Horizons => _scores.Length;

    private int Components => _squares.GetLength(1);

    /// <summary>
    /// Observes window k's hashrate (scoring the forecasts made for it), takes the components' forecasts for k+1…k+H made after
    /// it (an empty array: that component cannot forecast yet) and returns the combined forecasts for k+1…k+H.
    /// </summary>
    public double[] Observe(double hashrate, IReadOnlyList<double[]> forecasts)
    {
        if (forecasts.Count != Components) throw new ArgumentException($"expected {Components} components' forecasts", nameof(forecasts));
        Score(hashrate);
        _recent.Enqueue(forecasts);
        if (_recent.Count > Horizons) _recent.Dequeue();
        return [.. Enumerable.Range(0, Horizons).Select(h => Combined(h, forecasts))];
    }

    /// <summary>The weight of each component at horizon <paramref name="horizon"/> (1-based), as the next forecast uses them.</summary>
    public double[] Weights(int horizon)
    {
        var h = horizon - 1;
        var raw = Enumerable.Range(0, Components)
            .Select(i => _scores[h] < MinimumScores ? 1.0 : 1.0 / Math.Max(_squares[h, i], 1e-12)).ToArray();
        var sum = raw.Sum();
        return [.. raw.Select(w => w / sum)];
    }

    private void Score(double hashrate)
    {
        if (!(hashrate > 0)) return;
        var actual = Math.Log(hashrate);
        var made = _recent.ToArray(); // made[^j]: the forecasts made j windows ago; their horizon-j entry was for this window
        for (var j = 1; j <= made.Length; j++)
        {
            var set = made[^j];
            if (!set.All(f => f.Length >= j && f[j - 1] > 0)) continue; // scored only when every component forecast it
            for (var i = 0; i < Components; i++)
            {
                var error = Math.Log(set[i][j - 1]) - actual;
                _squares[j - 1, i] = _discount * _squares[j - 1, i] + error * error;
            }
            _scores[j - 1]++;
        }
    }

    private double Combined(int h, IReadOnlyList<double[]> forecasts)
    {
        var weights = Weights(h + 1);
        double logSum = 0, weightSum = 0;
        for (var i = 0; i < Components; i++)
        {
            if (forecasts[i].Length <= h || !(forecasts[i][h] > 0)) continue;
            logSum += weights[i] * Math.Log(forecasts[i][h]);
            weightSum += weights[i];
        }
        return weightSum > 0 ? Math.Exp(logSum / weightSum) : double.NaN;
    }
}
