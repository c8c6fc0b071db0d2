using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// A time-series regressor: an <see cref="LstmNetwork"/> behind a <see cref="WindowScaler"/>. Windows and
/// targets are in raw units; the network sees z-scores. Training is mini-batch Adam over shuffled samples
/// (<see cref="TrainingOptions.BatchSize"/> 1 gives per-sample updates); the last partial batch is used.
/// </summary>
public sealed class LstmRegressor
{
    private readonly double[] _scaled;

    public LstmRegressor(LstmConfig config, ulong seed)
    {
        Network = new LstmNetwork(config, seed);
        Scaler = new WindowScaler(config.InputSize);
        _scaled = new double[config.Window * config.InputSize];
    }

    public LstmNetwork Network { get; }
    public WindowScaler Scaler { get; }

    /// <summary>Trains on (window, next value) pairs; returns the mean scaled squared error of the last epoch.</summary>
    public double Train(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, TrainingOptions options)
    {
        options.EnsureValid();
        if (!Scaler.IsFitted || options.RefitScaler) Scaler.Fit(inputs, targets);
        var windows = inputs.Select(ScaleCopy).ToArray();
        var scaledTargets = targets.Select(Scaler.ScaleTarget).ToArray();
        var order = Enumerable.Range(0, windows.Length).ToArray();
        var rng = new Xoshiro256StarStar(options.ShuffleSeed);
        var lastEpochLoss = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, rng);
            lastEpochLoss = RunEpoch(windows, scaledTargets, order, options.BatchSize);
        }
        return lastEpochLoss;
    }

    /// <summary>The predicted next value, in raw units. Untrained (scaler not fitted) it uses an identity scaling.</summary>
    public double Predict(ReadOnlySpan<double> window)
    {
        Scaler.ScaleWindow(window, _scaled);
        return Scaler.UnscaleTarget(Network.Predict(_scaled));
    }

    /// <summary>[scaler state…, network state…]; see <see cref="WindowScaler.ExportState"/> and <see cref="LstmNetwork.ExportState"/>.</summary>
    public double[] ExportState() => [.. Scaler.ExportState(), .. Network.ExportState()];

    public void ImportState(ReadOnlySpan<double> state)
    {
        var n = Scaler.StateLength;
        if (state.Length != n + Network.StateLength)
            throw new ArgumentException($"state must hold {n + Network.StateLength} values (got {state.Length})");
        Scaler.ImportState(state[..n]);
        Network.ImportState(state[n..]);
    }

    private double RunEpoch(double[][] windows, double[] targets, int[] order, int batchSize)
    {
        var weighted = 0.0;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
            weighted += Network.TrainBatch(windows, targets, batch) * batch.Length;
        }
        return weighted / order.Length;
    }

    /// <summary>
    /// Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm P), written out so the order does not depend on how a .NET version implements
    /// Random.Shuffle.
    /// </summary>
    private static void Shuffle(int[] order, Xoshiro256StarStar rng)
    {
        for (var k = order.Length - 1; k > 0; k--)
        {
            var j = (int)rng.NextInt64(k + 1);
            (order[k], order[j]) = (order[j], order[k]);
        }
    }

    private double[] ScaleCopy(double[] window)
    {
        var scaled = new double[window.Length];
        Scaler.ScaleWindow(window, scaled);
        return scaled;
    }
}
