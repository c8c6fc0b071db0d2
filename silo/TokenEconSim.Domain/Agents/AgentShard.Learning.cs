using TokenEconSim.Domain.Behaviour;
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

    /// <summary>What the shard's providers submitted in an epoch, in id order: recipes, V_D and influence, and samples per region.</summary>
    private sealed class Submissions(int regions)
    {
        public readonly List<BatchDescriptor> Batches = [];
        public readonly List<double> Values = [], Influences = [];
        public readonly long[] RegionCounts = new long[regions];

        public LearningReport Report(List<TrainerUpdate> updates) =>
            new([.. Batches], RegionCounts, [.. updates], [.. Values], [.. Influences]);
    }

    private LearningScratch Scratch() =>
        _learning ??= new LearningScratch(new LogisticTask(_model.Scenario.Learning, _model.RunSeed), _model.Scenario.Learning);

    /// <summary>Each active provider's batch: drawn, measured, valued V_D = n·q; its recipe is reported for next epoch's trainers.</summary>
    private readonly struct LearningProviderDraw(AgentShard shard, ContributionTally t, LearningOrder order,
        Submissions submitted) : IContributionDraw
    {
        private readonly DataProviderPopulation _pops = shard._model.Scenario.Populations.DataProviders;

        public void Draw(int i, int j)
        {
            var rng = shard._rng;
            var n = (int)Math.Min(MaxBatchRecords, Math.Floor(Math.Max(0, _pops.BatchSize.Sample(rng))));
            var care = Math.Clamp(_pops.Quality.Sample(rng), 0, 1);
            shard.SubmitBatch(i, j, n, care, t, order, submitted);
        }
    }

    /// <summary>
    /// A responding provider's batch: the action's n records at care = its quality effort (0: a cheat's careless batch), drawn and
    /// measured as a fixed provider's, so V_D is the measured n·q, not the claimed one. A caught cheat's batch is rejected by the
    /// validators' check: no trainer sees it and it scores nothing.
    /// </summary>
    private readonly struct LearningProviderAction(AgentShard shard, ContributionTally t, LearningOrder order,
        Submissions submitted, ActionSet actions) : IActionDraw
    {
        public void Draw(int i, int j, int action)
        {
            if (shard._caught![(int)Role.DataProvider][j])
            {
                shard._providers.DataValue[j] = 0;
                t.Quality.Add(0);
                return;
            }
            var n = (int)Math.Min(MaxBatchRecords, actions.Amount(action));
            shard.SubmitBatch(i, j, n, actions.Effort(action), t, order, submitted);
        }
    }

    /// <summary>
    /// Draws agent i's batch of n records at the care given, measures it, values it V_D = n·q and reports its recipe, and its influence
    /// on the validation loss when the order asks for it.
    /// </summary>
    private void SubmitBatch(int i, int j, int n, double care, ContributionTally t, LearningOrder order, Submissions submitted)
    {
        var s = Scratch();
        var batch = new BatchDescriptor(First + i, n, care, _rng.NextUInt64());
        s.Reserve(n);
        s.Task.Generate(batch, s.BatchRng, s.Features, s.Labels, s.Centre);
        var q = BatchQuality.Measure(s.Task, s.Features, n, order.RegionShares, s.Histogram, submitted.RegionCounts)
            .Quality(_model.Scenario.Learning.Quality);
        var value = _providers.DataValue[j] = ContributionValues.DataValue(n, q);
        t.Quality.Add(q);
        t.Data.Add(value);
        submitted.Batches.Add(batch);
        submitted.Values.Add(value);
        submitted.Influences.Add(order.ValidationGradient.Length == 0 ? double.NaN
            : DataInfluence.OfBatch(order.GlobalWeights, order.ValidationGradient, s.Features, s.Labels, n));
    }

    /// <summary>Each active trainer trains the global model on its assigned batches; g = samples × epochs × d / speed.</summary>
    private readonly struct LearningTrainerDraw(AgentShard shard, ContributionTally t, LearningOrder order, List<TrainerUpdate> updates)
        : IContributionDraw
    {
        private readonly LearningSection _settings = shard._model.Scenario.Learning;
        private readonly LearningScratch _scratch = shard.Scratch();

        public void Draw(int i, int j)
        {
            var (s, trainers) = (_scratch, shard._trainers);
            var samples = LoadAssigned(s, order, shard.TrainerIndex(i), int.MaxValue);
            var speed = trainers.Speed[j];
            var g = trainers.GpuHours[j] = speed > 0 ? (double)samples * _settings.LocalEpochs * s.Task.Dimensions / speed : 0;
            trainers.AccuracyDraw[j] = 0;
            t.Gpu.Add(g);
            if (samples > 0) updates.Add(shard.Train(i, j, samples, order));
        }
    }

    /// <summary>
    /// A responding trainer rents the action's g GPU-hours and trains on as many of its assigned samples as they buy, at most
    /// g·speed / (epochs·d), in assignment order; it claims g either way. A cheat trains nothing and resubmits the global model (a
    /// zero update over the samples it claims, the free-rider of federated learning); a caught one is rejected and sends nothing.
    /// </summary>
    private readonly struct LearningTrainerAction(AgentShard shard, ContributionTally t, LearningOrder order, List<TrainerUpdate> updates,
        ActionSet actions) : IActionDraw
    {
        private readonly LearningSection _settings = shard._model.Scenario.Learning;
        private readonly LearningScratch _scratch = shard.Scratch();

        public void Draw(int i, int j, int action)
        {
            var (s, trainers) = (_scratch, shard._trainers);
            var g = trainers.GpuHours[j] = actions.Amount(action);
            trainers.AccuracyDraw[j] = 0;
            t.Gpu.Add(g);
            if (shard._caught![(int)Role.Trainer][j]) return;
            var affordable = (int)Math.Min(int.MaxValue, Math.Floor(g * trainers.Speed[j] / ((double)_settings.LocalEpochs * s.Task.Dimensions)));
            var trainer = shard.TrainerIndex(i);
            if (actions.Cheats(action))
            {
                var claimed = Math.Min(affordable, AssignedSamples(order, trainer));
                if (claimed > 0) updates.Add(new TrainerUpdate(shard.First + i, claimed, new double[s.Task.Parameters], g));
                return;
            }
            var samples = LoadAssigned(s, order, trainer, affordable);
            if (samples > 0) updates.Add(shard.Train(i, j, samples, order));
        }
    }

    /// <summary>The trainer index (id − first trainer id) of shard-local agent i.</summary>
    private int TrainerIndex(int i) => First + i - _model.Layout.Start(Role.Trainer);

    /// <summary>Local SGD of agent i from the global model on the first <paramref name="samples"/> samples in the scratch buffers; a
    /// Byzantine trainer (the first ⌊fraction·T⌋) poisons its delta.</summary>
    private TrainerUpdate Train(int i, int j, int samples, LearningOrder order)
    {
        var (settings, s) = (_model.Scenario.Learning, Scratch());
        var delta = s.Sgd.Train(order.GlobalWeights, s.Features, s.Labels, samples, settings.LocalEpochs, settings.LearningRate, _rng);
        if (TrainerIndex(i) < (int)Math.Floor(settings.Byzantine.Fraction * _model.Layout.CountOf(Role.Trainer)))
            Poisoning.Apply(delta, settings.Byzantine.Attack, settings.Byzantine.Scale, _rng);
        return new TrainerUpdate(First + i, samples, delta, _trainers.GpuHours[j]);
    }

    private static long AssignedSamples(LearningOrder order, int trainer)
    {
        long samples = 0;
        for (var j = order.BatchStart[trainer]; j < order.BatchStart[trainer + 1]; j++) samples += order.Batches[j].Records;
        return samples;
    }

    /// <summary>
    /// Rebuilds the trainer's assigned batches one after another in the scratch buffers, until <paramref name="cap"/> samples are in;
    /// returns the samples to train on (at most the cap).
    /// </summary>
    private static int LoadAssigned(LearningScratch s, LearningOrder order, int trainer, int cap)
    {
        s.Reserve(AssignedSamples(order, trainer));
        var d = s.Task.Dimensions;
        var offset = 0;
        for (var j = order.BatchStart[trainer]; j < order.BatchStart[trainer + 1] && offset < cap; j++)
        {
            var batch = order.Batches[j];
            s.Task.Generate(batch, s.BatchRng, s.Features.AsSpan(offset * d), s.Labels.AsSpan(offset), s.Centre);
            offset += batch.Records;
        }
        return Math.Min(offset, cap);
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
