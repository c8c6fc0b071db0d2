namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// Standardisation (z-scores), fitted once on a training set: each input feature has its own mean and
/// standard deviation over every step of every training window, the target has its own. Chosen over
/// min–max because a later value outside the training range is then only a large z-score rather than
/// a value past a hard [0, 1] edge. A constant feature gets scale 1, so it maps to 0 instead of NaN.
/// </summary>
public sealed class WindowScaler
{
    private readonly double[] _mean, _scale;

    public WindowScaler(int inputSize)
    {
        _mean = new double[inputSize];
        _scale = new double[inputSize];
        Array.Fill(_scale, 1.0);
    }

    public int InputSize => _mean.Length;
    public bool IsFitted { get; private set; }
    public double TargetMean { get; private set; }
    public double TargetScale { get; private set; } = 1.0;

    public void Fit(IReadOnlyList<double[]> windows, IReadOnlyList<double> targets)
    {
        if (windows.Count == 0 || windows.Count != targets.Count)
            throw new ArgumentException("need at least one window and exactly one target per window");
        for (var k = 0; k < InputSize; k++)
            (_mean[k], _scale[k]) = MeanAndScale(windows.SelectMany(w => Feature(w, k)));
        (TargetMean, TargetScale) = MeanAndScale(targets);
        IsFitted = true;
    }

    public void ScaleWindow(ReadOnlySpan<double> window, Span<double> scaled)
    {
        for (var e = 0; e < window.Length; e++)
        {
            var k = e % InputSize;
            scaled[e] = (window[e] - _mean[k]) / _scale[k];
        }
    }

    public double ScaleTarget(double target) => (target - TargetMean) / TargetScale;
    public double UnscaleTarget(double scaled) => scaled * TargetScale + TargetMean;

    /// <summary>Length of <see cref="ExportState"/>'s array.</summary>
    public int StateLength => 3 + 2 * InputSize;

    /// <summary>[fitted, target mean, target scale, feature means…, feature scales…].</summary>
    public double[] ExportState() => [IsFitted ? 1 : 0, TargetMean, TargetScale, .. _mean, .. _scale];

    public void ImportState(ReadOnlySpan<double> state)
    {
        if (state.Length != StateLength) throw new ArgumentException($"scaler state must hold {StateLength} values (got {state.Length})");
        (IsFitted, TargetMean, TargetScale) = (state[0] != 0, state[1], state[2]);
        state.Slice(3, InputSize).CopyTo(_mean);
        state.Slice(3 + InputSize, InputSize).CopyTo(_scale);
    }

    private IEnumerable<double> Feature(double[] window, int k)
    {
        for (var e = k; e < window.Length; e += InputSize) yield return window[e];
    }

    /// <summary>Mean and population standard deviation, by Welford's update (numerically stable, one pass).</summary>
    private static (double Mean, double Scale) MeanAndScale(IEnumerable<double> values)
    {
        double mean = 0, m2 = 0;
        long n = 0;
        foreach (var x in values)
        {
            n++;
            var delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        var sd = Math.Sqrt(m2 / n);
        return (mean, sd > 0 && double.IsFinite(sd) ? sd : 1.0);
    }
}
