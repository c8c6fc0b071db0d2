namespace TokenEconSim.Domain.Learning.Federated;

// What the epoch loop and the shards exchange about federated learning, beside the step order and
// the contribution report (null in both when learning.kind is not federated). Everything is in
// agent-id order and immutable once sent.

/// <summary>
/// A provider's batch, as a recipe: the samples are a pure function of it (and the run's ground
/// truth), so a trainer in any shard rebuilds the same batch instead of receiving its records.
/// </summary>
/// <param name="Care">The provider's latent care in [0, 1]: sets the missing-value rate, spread and label noise.</param>
/// <param name="Seed">Seed of the generator that draws the batch's samples (drawn from the provider's stream).</param>
public readonly record struct BatchDescriptor(int ProviderId, int Records, double Care, ulong Seed);

/// <summary>A trainer's model update: the weight delta after its local SGD, the samples it trained on and the GPU-hours g it claims (what
/// V_T pays for beside its accuracy gain).</summary>
public sealed record TrainerUpdate(int TrainerId, long Samples, double[] Delta, double GpuHours);

/// <summary>What the shards need to draw a federated epoch.</summary>
/// <param name="GlobalWeights">The accepted global model (d weights, then the bias).</param>
/// <param name="Batches">Last epoch's batches, grouped by the trainer they are assigned to.</param>
/// <param name="BatchStart">Trainer index t (id − first trainer id) trains Batches[BatchStart[t] .. BatchStart[t+1]).</param>
/// <param name="RegionShares">Last epoch's share of samples per region, the reference of scarcity.</param>
/// <param name="ModelAccuracy">Validation accuracy of <paramref name="GlobalWeights"/>, which users' demand follows.</param>
/// <param name="ValidationGradient">∇ of the validation loss at <paramref name="GlobalWeights"/>, for the providers' batch influence
/// (<see cref="DataInfluence"/>); empty when no one reads it (the run has no behaviour metrics).</param>
public sealed record LearningOrder(double[] GlobalWeights, BatchDescriptor[] Batches, int[] BatchStart, double[] RegionShares,
    double ModelAccuracy, double[] ValidationGradient);

/// <summary>One shard's (or, merged, every shard's) learning part of a contribution, in id order.</summary>
/// <param name="BatchValues">V_D = n·q each batch's provider is paid for, parallel to <paramref name="Batches"/>.</param>
/// <param name="BatchInfluences">Each batch's influence on the validation loss (<see cref="DataInfluence"/>), parallel to
/// <paramref name="Batches"/>; NaN when the order carried no validation gradient.</param>
public sealed record LearningReport(BatchDescriptor[] Batches, long[] RegionCounts, TrainerUpdate[] Updates, double[] BatchValues,
    double[] BatchInfluences)
{
    /// <summary>Parts in shard order (= id order): concatenate the lists, add the region counts.</summary>
    public static LearningReport Merge(IReadOnlyList<LearningReport> parts)
    {
        var regions = new long[parts.Count == 0 ? 0 : parts[0].RegionCounts.Length];
        foreach (var p in parts)
            for (var k = 0; k < regions.Length; k++) regions[k] += p.RegionCounts[k];
        return new LearningReport([.. parts.SelectMany(p => p.Batches)], regions, [.. parts.SelectMany(p => p.Updates)],
            [.. parts.SelectMany(p => p.BatchValues)], [.. parts.SelectMany(p => p.BatchInfluences)]);
    }
}

/// <summary>How the shards score an epoch's trainers: nothing when the update was rejected, else V_T with these gains.</summary>
/// <param name="AccuracyGains">Δacc per trainer index (id − first trainer id); 0 for trainers without an update.</param>
public sealed record LearningScore(bool UpdateAccepted, double[] AccuracyGains);
