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
    private void DrawLearningProviders(ref ContributionTally t, LearningOrder order, List<BatchDescriptor> batches, long[] regionCounts)
    {
        var pops = _model.Scenario.Populations.DataProviders;
        var weights = _model.Scenario.Learning.Quality;
        var s = Scratch();
        var (from, to) = Local(Role.DataProvider);
        var participation = _model.Participation(Role.DataProvider);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation))
            {
                active++;
                var n = (int)Math.Min(MaxBatchRecords, Math.Floor(Math.Max(0, pops.BatchSize.Sample(_rng))));
                var batch = new BatchDescriptor(First + i, n, Math.Clamp(pops.Quality.Sample(_rng), 0, 1), _rng.NextUInt64());
                s.Reserve(n);
                s.Task.Generate(batch, s.BatchRng, s.Features, s.Labels, s.Centre);
                var q = BatchQuality.Measure(s.Task, s.Features, n, order.RegionShares, s.Histogram, regionCounts).Quality(weights);
                _valueA[i] = ContributionValues.DataValue(n, q);
                t.Quality.Add(q);
                t.Data.Add(_valueA[i]);
                batches.Add(batch);
            }
            _rng.Store(_rngState, i);
        }
        t.Active[(int)Role.DataProvider] = active;
    }

    /// <summary>Each active trainer trains the global model on its assigned batches; g = samples × epochs × d / speed.</summary>
    private void DrawLearningTrainers(ref ContributionTally t, LearningOrder order, List<TrainerUpdate> updates)
    {
        var settings = _model.Scenario.Learning;
        var s = Scratch();
        var d = s.Task.Dimensions;
        var firstTrainer = _model.Layout.Start(Role.Trainer);
        var byzantine = (int)Math.Floor(settings.Byzantine.Fraction * _model.Layout.CountOf(Role.Trainer));
        var (from, to) = Local(Role.Trainer);
        var participation = _model.Participation(Role.Trainer);
        var active = 0;
        for (var i = from; i < to; i++)
        {
            if (Enter(i, participation))
            {
                active++;
                var trainer = First + i - firstTrainer;
                var samples = LoadAssigned(s, order, trainer);
                _valueA[i] = _weight[i] > 0 ? (double)samples * settings.LocalEpochs * d / _weight[i] : 0;
                _valueB[i] = 0;
                t.Gpu.Add(_valueA[i]);
                if (samples > 0)
                {
                    var delta = s.Sgd.Train(order.GlobalWeights, s.Features, s.Labels, samples, settings.LocalEpochs, settings.LearningRate, _rng);
                    if (trainer < byzantine) Poisoning.Apply(delta, settings.Byzantine.Attack, settings.Byzantine.Scale, _rng);
                    updates.Add(new TrainerUpdate(First + i, samples, delta));
                }
            }
            _rng.Store(_rngState, i);
        }
        t.Active[(int)Role.Trainer] = active;
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
    private double LearnedTrainerValue(LearningScore score, int i)
    {
        if (!score.UpdateAccepted) return 0;
        var rewards = _model.Scenario.Rewards;
        var trainer = First + i - _model.Layout.Start(Role.Trainer);
        return ContributionValues.TrainingValue(_valueA[i], score.AccuracyGains[trainer], rewards.CGpu, rewards.CAcc);
    }
}
