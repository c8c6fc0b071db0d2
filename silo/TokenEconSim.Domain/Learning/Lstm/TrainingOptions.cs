namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>How <see cref="LstmRegressor.Train"/> walks the data.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 20;

    /// <summary>Samples per Adam step; 1 is per-sample SGD-style updates.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Seeds the per-epoch shuffle, so training is a pure function of (weights, data, options).</summary>
    public ulong ShuffleSeed { get; init; }

    /// <summary>Refit the scaler on this call's data; otherwise it is fitted on the first call only and kept.</summary>
    public bool RefitScaler { get; init; }

    public void EnsureValid()
    {
        if (Epochs < 1) throw new ArgumentException($"Epochs must be ≥ 1 (got {Epochs})");
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be ≥ 1 (got {BatchSize})");
    }
}
