using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Double;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

/// <summary>
/// The local SGD as it was written with MathNet.Numerics products on a zero-padded B × (d+1) mini-batch matrix: the reference the
/// plain-loop <see cref="Domain.Learning.Federated.LocalSgd"/> must match bit for bit, so runs keep their outputs.
/// </summary>
internal sealed class MathNetLocalSgd
{
    private readonly int _parameters;
    private readonly int _batch;
    private readonly DenseMatrix _x;
    private readonly DenseVector _w, _z, _r, _g;
    private int[] _order = [];

    public MathNetLocalSgd(int dimensions, int batchSize)
    {
        Control.UseSingleThread(); // small products: MathNet's parallel loops cost more than they save (STACK-NOTES)
        _parameters = dimensions + 1;
        _batch = batchSize;
        _x = new DenseMatrix(batchSize, _parameters);
        _w = new DenseVector(_parameters);
        _z = new DenseVector(batchSize);
        _r = new DenseVector(batchSize);
        _g = new DenseVector(_parameters);
    }

    /// <summary>
    /// Trains on <paramref name="samples"/> rows of <paramref name="features"/> (row-major n × d, NaN = missing); returns the weight delta.
    /// </summary>
    public double[] Train(ReadOnlySpan<double> global, ReadOnlySpan<double> features, ReadOnlySpan<double> labels, int samples,
        int localEpochs, double learningRate, Xoshiro256StarStar rng)
    {
        var d = _parameters - 1;
        global.CopyTo(_w.Values);
        if (_order.Length < samples) _order = new int[samples];
        var order = _order.AsSpan(0, samples);
        for (var i = 0; i < samples; i++) order[i] = i;
        for (var e = 0; e < localEpochs; e++)
        {
            Shuffle(order, rng);
            for (var start = 0; start < samples; start += _batch)
            {
                var rows = Math.Min(_batch, samples - start);
                Load(order.Slice(start, rows), features, d);
                _x.Multiply(_w, _z);
                for (var b = 0; b < _batch; b++)
                    _r[b] = b < rows ? Domain.Learning.Federated.LogisticModel.Sigmoid(_z[b]) - labels[order[start + b]] : 0;
                _x.TransposeThisAndMultiply(_r, _g);
                _g.Multiply(learningRate / rows, _g);
                _w.Subtract(_g, _w);
            }
        }
        var delta = new double[_parameters];
        for (var k = 0; k < _parameters; k++) delta[k] = _w[k] - global[k];
        return delta;
    }

    /// <summary>
    /// Copies the chosen rows into the mini-batch matrix (bias column 1, missing 0); unused rows are
    /// zero. Writes MathNet's column-major storage directly (element (b, k) at k·B + b): the checked
    /// indexer cost more than the products here.
    /// </summary>
    private void Load(ReadOnlySpan<int> rows, ReadOnlySpan<double> features, int d)
    {
        var values = _x.Values.AsSpan();
        for (var b = 0; b < _batch; b++)
        {
            if (b >= rows.Length)
            {
                for (var k = 0; k <= d; k++) values[k * _batch + b] = 0;
                continue;
            }
            var x = features.Slice(rows[b] * d, d);
            for (var k = 0; k < d; k++) values[k * _batch + b] = double.IsNaN(x[k]) ? 0 : x[k];
            values[d * _batch + b] = 1;
        }
    }

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
