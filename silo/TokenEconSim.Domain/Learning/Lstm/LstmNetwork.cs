namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// A 1–2 layer LSTM regressor: a window of <see cref="LstmConfig.Window"/> steps × <see cref="LstmConfig.InputSize"/>
/// features in, one value (the next one) out, trained on squared error by back-propagation through the
/// full window and Adam. Works in whatever units it is given; <see cref="LstmRegressor"/> adds scaling.
/// </summary>
/// <remarks>
/// A window is flat and time-major: element t·InputSize + k is feature k at step t (oldest first).
/// That is the column-major layout of the D×T input matrix, so it is copied in as is.
/// The products are hand loops (<see cref="DenseProducts"/>) into buffers allocated once per network, so a
/// prediction or a training step allocates nothing. They replaced MathNet.Numerics' managed provider, whose
/// products allocate column copies on every call (~17 KB per prediction at the default size) and return the
/// very same doubles. Not thread-safe: forward and backward share the preallocated buffers.
/// </remarks>
public sealed partial class LstmNetwork
{
    private readonly LstmLayer[] _layers;
    private readonly DenseHead _head;
    private readonly ParameterBlock[] _blocks;
    private long _step;

    /// <summary>Builds the network and draws its initial weights from a generator seeded with <paramref name="seed"/>.</summary>
    public LstmNetwork(LstmConfig config, ulong seed)
    {
        config.EnsureValid();
        Config = config;
        _layers = BuildLayers(config);
        _head = new DenseHead(config.HiddenSize);
        _blocks = [.. _layers.SelectMany(l => new[] { l.W, l.U, l.B }), _head.Weights, _head.Bias];
        var rng = new Randomness.Xoshiro256StarStar(seed);
        foreach (var layer in _layers) layer.Initialise(rng);
        _head.Initialise(rng);
    }

    public LstmConfig Config { get; }

    /// <summary>Adam steps taken so far (the t of the bias correction).</summary>
    public long Steps => _step;

    public int ParameterCount => _blocks.Sum(b => b.Length);

    private static LstmLayer[] BuildLayers(LstmConfig c)
    {
        var first = new LstmLayer("layer0", new double[c.InputSize * c.Window], c.InputSize, null, c.HiddenSize);
        if (c.Layers == 1) return [first];
        return [first, new LstmLayer("layer1", first.Output, c.HiddenSize, first.OutputGradient, c.HiddenSize)];
    }

    /// <summary>The network's output for one window.</summary>
    public double Predict(ReadOnlySpan<double> window)
    {
        var input = _layers[0].Input;
        if (window.Length != input.Length)
            throw new ArgumentException($"window must hold Window × InputSize = {input.Length} values (got {window.Length})");
        window.CopyTo(input);
        foreach (var layer in _layers) layer.Forward();
        return _head.Forward(_layers[^1].Output);
    }

    /// <summary>
    /// One Adam step on the mean squared error of a mini-batch (<paramref name="batch"/> indexes into
    /// the samples); returns that mean squared error before the step.
    /// </summary>
    public double TrainBatch(IReadOnlyList<double[]> windows, IReadOnlyList<double> targets, ReadOnlySpan<int> batch)
    {
        if (batch.IsEmpty) throw new ArgumentException("batch must not be empty");
        ZeroGradients();
        var loss = 0.0;
        foreach (var k in batch) loss += AccumulateGradient(windows[k], targets[k], 1.0 / batch.Length);
        _step++;
        AdamOptimizer.Step(_blocks, Config, _step);
        return loss / batch.Length;
    }

    /// <summary>
    /// Forward and backward for one sample of loss L = (ŷ − y)²; adds <paramref name="weight"/>·∂L/∂θ to
    /// every gradient. Returns L.
    /// </summary>
    internal double AccumulateGradient(ReadOnlySpan<double> window, double target, double weight)
    {
        var error = Predict(window) - target;
        var top = _layers[^1];
        _head.Backward(weight * 2.0 * error, top.Output, top.OutputGradient);
        for (var l = _layers.Length - 1; l >= 0; l--) _layers[l].Backward(wantInputGradient: l > 0);
        return error * error;
    }

    internal void ZeroGradients()
    {
        foreach (var block in _blocks) Array.Clear(block.Gradient);
    }

    internal IReadOnlyList<ParameterBlock> Blocks => _blocks;
}
