namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// Shape and optimiser settings of an <see cref="LstmNetwork"/>. Adam defaults are Kingma &amp; Ba's
/// (2015, Algorithm 1); the default shape is the one the difficulty predictor starts from.
/// </summary>
public sealed record LstmConfig
{
    /// <summary>Features per time step.</summary>
    public int InputSize { get; init; } = 1;

    /// <summary>Time steps per input window (the full window is back-propagated).</summary>
    public int Window { get; init; } = 24;

    public int HiddenSize { get; init; } = 32;

    /// <summary>Stacked LSTM layers: 1 or 2.</summary>
    public int Layers { get; init; } = 1;

    public double LearningRate { get; init; } = 1e-3;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Maximum global L2 norm of the gradient (Pascanu et al. 2013); +∞ disables clipping.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>One message per bad value; empty when the configuration is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (InputSize < 1) errors.Add($"InputSize must be ≥ 1 (got {InputSize})");
        if (Window < 2) errors.Add($"Window must be ≥ 2 time steps (got {Window})");
        if (HiddenSize < 1) errors.Add($"HiddenSize must be ≥ 1 (got {HiddenSize})");
        if (Layers is < 1 or > 2) errors.Add($"Layers must be 1 or 2 (got {Layers})");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) errors.Add($"LearningRate must be positive and finite (got {LearningRate})");
        if (!(Beta1 is >= 0 and < 1)) errors.Add($"Beta1 must be in [0, 1) (got {Beta1})");
        if (!(Beta2 is >= 0 and < 1)) errors.Add($"Beta2 must be in [0, 1) (got {Beta2})");
        if (!(Epsilon > 0)) errors.Add($"Epsilon must be positive (got {Epsilon})");
        if (!(GradientClip > 0)) errors.Add($"GradientClip must be positive, or +∞ to disable (got {GradientClip})");
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad value.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid LstmConfig: " + string.Join("; ", errors));
    }
}
