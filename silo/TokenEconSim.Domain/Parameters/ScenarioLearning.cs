using TokenEconSim.Domain.Distributions;

namespace TokenEconSim.Domain.Parameters;

// The keys of `learning: kind: federated`: a logistic-regression task with known ground
// truth, trained by the trainers with local SGD and aggregated at the barrier.
// docs/model.md §10 holds the formulas; scenarios/README.md each key. Kept apart from
// Scenario.cs so the synthetic keys stay where they were (the file name sorts after it, so the
// schema lists kind and gain first).

public enum AggregationRule { Fedavg, Median, TrimmedMean }
public enum PoisonAttack { SignFlip, Scaled, Random }

public sealed partial class LearningSection
{
    /// <summary>Features d of the logistic-regression task (the model has d weights and a bias).</summary>
    [Range(1, 1_000)] public int Dimensions { get; init; } = 10;
    /// <summary>Held-out validation samples (clean labels) the validators evaluate on.</summary>
    [Range(10, 1_000_000)] public int ValidationSize { get; init; } = 2_000;
    /// <summary>Passes of a trainer over its assigned batches per epoch.</summary>
    [Range(1, 1_000)] public int LocalEpochs { get; init; } = 2;
    /// <summary>Samples per SGD step.</summary>
    [Range(1, 100_000)] public int BatchSize { get; init; } = 16;
    [Range(0, 100, MinExclusive = true)] public double LearningRate { get; init; } = 0.5;
    public AggregationRule Aggregation { get; init; } = AggregationRule.Fedavg;
    /// <summary>trimmed_mean: fraction of updates dropped at each end of every coordinate.</summary>
    [Range(0, 0.49)] public double TrimFraction { get; init; } = 0.1;
    /// <summary>Validators accept an update when validation log-loss rises by at most this (nats).</summary>
    [Range(0, 1_000)] public double Tolerance { get; init; } = 0.01;
    /// <summary>Probability that a feature value is missing in a batch of care 0 (× (1 − care) in general).</summary>
    [Range(0, 1)] public double MaxMissingRate { get; init; } = 0.3;
    /// <summary>Probability that a label is flipped in a batch of care 0 (× (1 − care) in general).</summary>
    [Range(0, 0.5)] public double MaxLabelNoise { get; init; } = 0.4;
    /// <summary>A trainer's speed in work units (samples × local epochs × d) per GPU-hour, drawn once.</summary>
    [Samples(SampleDomain.NonNegative)] public Distribution TrainerSpeed { get; init; } = new(DistributionKind.Gamma, 4, 500);
    public QualityWeightsSection Quality { get; init; } = new();
    public ByzantineTrainersSection Byzantine { get; init; } = new();
    public DemandSection Demand { get; init; } = new();
}

/// <summary>q = completeness·c + diversity·d + scarcity·s; the weights sum to 1.</summary>
public sealed class QualityWeightsSection
{
    [Range(0, 1)] public double Completeness { get; init; } = 0.4;
    [Range(0, 1)] public double Diversity { get; init; } = 0.3;
    [Range(0, 1)] public double Scarcity { get; init; } = 0.3;
}

/// <summary>Trainers that submit poisoned updates: the lowest trainer ids.</summary>
public sealed class ByzantineTrainersSection
{
    /// <summary>Fraction of the trainers (rounded down, lowest ids) that are Byzantine.</summary>
    [Range(0, 1)] public double Fraction { get; init; }
    public PoisonAttack Attack { get; init; } = PoisonAttack.SignFlip;
    /// <summary>sign_flip: −s·Δ; scaled: s·Δ; random: N(0, (s·rms Δ)²) per coordinate.</summary>
    [Range(0, 1e6)] public double Scale { get; init; } = 4;
}

/// <summary>Service users' demand: calls × (acc/acc_ref)^ε_acc · (price/price_ref)^(−ε_price).</summary>
public sealed class DemandSection
{
    [Range(0, 1, MinExclusive = true)] public double ReferenceAccuracy { get; init; } = 0.9;
    [Range(0, 100)] public double AccuracyElasticity { get; init; } = 1;
    /// <summary>Stable units per call at which price does not change demand.</summary>
    [Range(0, 1e9, MinExclusive = true)] public double ReferencePrice { get; init; } = 0.01;
    [Range(0, 100)] public double PriceElasticity { get; init; } = 0.5;
}
