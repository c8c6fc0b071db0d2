using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;
using TokenEconSim.Domain.Rewards;

namespace TokenEconSim.Domain.Agents;

// Federated learning in the shard (learning.kind: federated): providers draw and measure real
// batches, trainers run local SGD on the batches assigned to them and report their updates. Only
// reached when the step order carries a LearningOrder; the other draws are AgentShard.Contribute's.
public sealed partial class AgentShard
{
    /// <summary>A batch holds at most this many records (a guard on memory, not a model parameter).</summary>
    public const int MaxBatchRecords = 1_000_000;

    private LearningScratch? _learning;

    /// <summary>The shard's learning buffers, made on the first federated draw and grown as needed.</summary>
    private sealed class LearningScratch(LogisticTask task, LearningSection settings)
    {
        public LogisticTask Task { get; } = task;
        public LocalSgd Sgd { get; } = new(task.Dimensions, settings.BatchSize);
        public Xoshiro256StarStar BatchRng { get; } = new(0);
        public double[] Features = [];
        public double[] Labels = [];
        public double[] Centre = new double[task.Dimensions];
        public int[] Histogram = new int[task.Regions];

        public void Reserve(long samples)
        {
            if (Labels.Length >= samples) return;
            Labels = new double[samples];
            Features = new double[samples * Task.Dimensions];
        }
    }

    private LearningScratch Scratch() =>
        _learning ??= new LearningScratch(new LogisticTask(_model.Scenario.Learning, _model.RunSeed), _model.Scenario.Learning);

    /// <summary>Each active provider's batch: drawn, measured, valued V_D = n·q; its recipe is reported for next epoch's trainers.</summary>
    private readonly struct LearningProviderDraw(AgentShard shard, ContributionTally t, LearningOrder order,
        List<BatchDescriptor> batches, long[] regionCounts) : IContributionDraw
    {
        private readonly DataProviderPopulation _pops = shard._model.Scenario.Populations.DataProviders;
        private readonly QualityWeightsSection _weights = shard._model.Scenario.Learning.Quality;
        private readonly LearningScratch _scratch = shard.Scratch();

        public void Draw(int i, int j)
        {
            var (rng, s) = (shard._rng, _scratch);
            var n = (int)Math.Min(MaxBatchRecords, Math.Floor(Math.Max(0, _pops.BatchSize.Sample(rng))));
            var batch = new BatchDescriptor(shard.First + i, n, Math.Clamp(_pops.Quality.Sample(rng), 0, 1), rng.NextUInt64());
            s.Reserve(n);
            s.Task.Generate(batch, s.BatchRng, s.Features, s.Labels, s.Centre);
            var q = BatchQuality.Measure(s.Task, s.Features, n, order.RegionShares, s.Histogram, regionCounts).Quality(_weights);
            var value = shard._providers.DataValue[j] = ContributionValues.DataValue(n, q);
            t.Quality.Add(q);
            t.Data.Add(value);
            batches.Add(batch);
        }
    }

    /// <summary>Each active trainer trains the global model on its assigned batches; g = samples × epochs × d / speed.</summary>
    private readonly struct LearningTrainerDraw(AgentShard shard, ContributionTally t, LearningOrder order, List<TrainerUpdate> updates)
        : IContributionDraw
    {
        private readonly LearningSection _settings = shard._model.Scenario.Learning;
        private readonly LearningScratch _scratch = shard.Scratch();
        private readonly int _firstTrainer = shard._model.Layout.Start(Role.Trainer);
        private readonly int _byzantine = (int)Math.Floor(shard._model.Scenario.Learning.Byzantine.Fraction
            * shard._model.Layout.CountOf(Role.Trainer));

        public void Draw(int i, int j)
        {
            var (settings, s, trainers, rng) = (_settings, _scratch, shard._trainers, shard._rng);
            var trainer = shard.First + i - _firstTrainer;
            var samples = LoadAssigned(s, order, trainer);
            var speed = trainers.Speed[j];
            var g = trainers.GpuHours[j] = speed > 0 ? (double)samples * settings.LocalEpochs * s.Task.Dimensions / speed : 0;
            trainers.AccuracyDraw[j] = 0;
            t.Gpu.Add(g);
            if (samples == 0) return;
            var delta = s.Sgd.Train(order.GlobalWeights, s.Features, s.Labels, samples, settings.LocalEpochs, settings.LearningRate, rng);
            if (trainer < _byzantine) Poisoning.Apply(delta, settings.Byzantine.Attack, settings.Byzantine.Scale, rng);
            updates.Add(new TrainerUpdate(shard.First + i, samples, delta));
        }
    }

    /// <summary>Rebuilds the trainer's assigned batches one after another in the scratch buffers; returns the samples.</summary>
    private static int LoadAssigned(LearningScratch s, LearningOrder order, int trainer)
    {
        var (start, end) = (order.BatchStart[trainer], order.BatchStart[trainer + 1]);
        long samples = 0;
        for (var j = start; j < end; j++) samples += order.Batches[j].Records;
        s.Reserve(samples);
        var d = s.Task.Dimensions;
        var offset = 0;
        for (var j = start; j < end; j++)
        {
            var batch = order.Batches[j];
            s.Task.Generate(batch, s.BatchRng, s.Features.AsSpan(offset * d), s.Labels.AsSpan(offset), s.Centre);
            offset += batch.Records;
        }
        return offset;
    }

    /// <summary>V_T of an epoch whose update the validators judged: 0 when rejected, else c_gpu·g + c_acc·Δacc (Δacc ≥ 0, leave-one-out).</summary>
    private double LearnedTrainerValue(LearningScore score, int i, int j)
    {
        if (!score.UpdateAccepted) return 0;
        var rewards = _model.Scenario.Rewards;
        var trainer = First + i - _model.Layout.Start(Role.Trainer);
        return ContributionValues.TrainingValue(_trainers.GpuHours[j], score.AccuracyGains[trainer], rewards.CGpu, rewards.CAcc);
    }
}
