using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>
/// A trainer's local training (McMahan et al. 2017, ClientUpdate): from the global model, E passes
/// of mini-batch SGD on the logistic log-loss over its samples in an order shuffled each pass by
/// the trainer's own generator; the update is w_local − w_global. Missing values are imputed 0
/// (the population mean). One instance per shard, its buffers allocated once and grown only when a
/// batch size needs it; not thread-safe.
/// </summary>
/// <remarks>
/// A step is z = X_b·w, r = σ(z) − y, g = X_bᵀ·r, w ← w − (η/rows)·g with X_b the rows × (d+1)
/// mini-batch (a bias column of ones), read straight from the samples. Each sum starts at +0.0 and
/// adds one product at a time in index order (z over the columns, bias last; g over the rows),
/// which is how MathNet.Numerics' managed provider computed these products when they were MathNet
/// calls on a zero-padded B × (d+1) matrix: the padding rows added +0.0 to sums that, started at
/// +0.0, are never −0.0, so dropping them changes no bit (<c>LocalSgdTests</c> checks the updates
/// against that MathNet version bit for bit). The bits do not depend on where the trainer runs.
/// </remarks>
public sealed class LocalSgd
{
    private readonly int _parameters;
    private readonly int _batch;
    private readonly double[] _w, _r, _g;
    private int[] _order = [];

    public LocalSgd(int dimensions, int batchSize)
    {
        _parameters = dimensions + 1;
        _batch = batchSize;
        _w = new double[_parameters];
        _r = new double[batchSize];
        _g = new double[_parameters];
    }

    /// <summary>
    /// Trains on <paramref name="samples"/> rows of <paramref name="features"/> (row-major n × d, NaN = missing); returns the weight delta.
    /// </summary>
    public double[] Train(ReadOnlySpan<double> global, ReadOnlySpan<double> features, ReadOnlySpan<double> labels, int samples,
        int localEpochs, double learningRate, Xoshiro256StarStar rng)
    {
        global.CopyTo(_w);
        if (_order.Length < samples) _order = new int[samples];
        var order = _order.AsSpan(0, samples);
        for (var i = 0; i < samples; i++) order[i] = i;
        for (var e = 0; e < localEpochs; e++)
        {
            Shuffle(order, rng);
            for (var start = 0; start < samples; start += _batch)
            {
                var rows = order.Slice(start, Math.Min(_batch, samples - start));
                Step(rows, features, labels, learningRate / rows.Length);
            }
        }
        var delta = new double[_parameters];
        for (var k = 0; k < _parameters; k++) delta[k] = _w[k] - global[k];
        return delta;
    }

    /// <summary>One mini-batch step on the given rows, step size η/rows.</summary>
    private void Step(ReadOnlySpan<int> rows, ReadOnlySpan<double> features, ReadOnlySpan<double> labels, double scale)
    {
        var d = _parameters - 1;
        Span<double> w = _w, r = _r, g = _g;
        for (var b = 0; b < rows.Length; b++)
        {
            var x = features.Slice(rows[b] * d, d);
            var z = 0.0;
            for (var k = 0; k < d; k++) z += Imputed(x[k]) * w[k];
            z += w[d]; // the bias column's 1·w_d
            r[b] = LogisticModel.Sigmoid(z) - labels[rows[b]];
        }
        g.Clear();
        for (var b = 0; b < rows.Length; b++)
        {
            var x = features.Slice(rows[b] * d, d);
            var rb = r[b];
            for (var k = 0; k < d; k++) g[k] += Imputed(x[k]) * rb;
            g[d] += rb;
        }
        // MathNet's scaling by 0 cleared the vector instead of multiplying (0·∞ would be NaN): the step then left w as it was.
        if (scale == 0) return;
        for (var k = 0; k <= d; k++) w[k] -= g[k] * scale;
    }

    private static double Imputed(double value) => double.IsNaN(value) ? 0 : value;

    /// <summary>Fisher–Yates with the trainer's generator.</summary>
    private static void Shuffle(Span<int> order, Xoshiro256StarStar rng)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
