using System.Runtime.InteropServices;
using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Chain;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Rewards;
using TokenEconSim.Domain.Simulation;

namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>What the barrier learned in an epoch: the model after the validators' decision, and the decision.</summary>
/// <param name="PayTracking">How well trainers' pay tracks their marginal contribution (<see cref="PayTracking"/>); NaN when the update
/// was rejected (nobody is paid for it) or fewer than two trainers sent one.</param>
/// <param name="ProviderPayTracking">The same for providers: their V_D against their batches' influence (<see cref="DataInfluence"/>); NaN
/// when the update was rejected, with fewer than two batches, or in a run without behaviour metrics.</param>
public sealed record LearningOutcome(ModelScore Model, bool UpdateAccepted, int Updates, LearningScore Score, double PayTracking,
    double ProviderPayTracking);

/// <summary>
/// The run's side of federated learning, at the epoch barrier: the accepted global model, the
/// batches waiting to be trained on, and the update waiting for the validators. Each epoch: the
/// shards train on last epoch's batches from the global model (<see cref="NextOrder"/>); the
/// barrier aggregates their updates in agent-id order, evaluates the candidate on the validation
/// set and values each trainer by leave-one-out (<see cref="Absorb"/>); consensus decides; the
/// model moves only when the update is accepted (<see cref="Settle"/>). Batches drawn in epoch m
/// are trained on in epoch m + 1: a trainer cannot see a batch drawn in the same fan-out.
/// </summary>
public sealed class FederatedLearning : Simulation.Checkpoints.ICheckpointed
{
    private readonly LearningSection _settings;
    private readonly RewardsSection _rewards;
    private readonly LogisticTask _task;
    private readonly ValidationSet _validation;
    private readonly int _trainers;
    private readonly int _firstTrainer;
    /// <summary>The run writes the behaviour metrics, whose providers' pay rank needs each batch's influence.</summary>
    private readonly bool _tracksProviders;

    // The state that lives across epochs (WriteState / ReadState).
    private double[] _weights;
    private ModelScore _score;
    private BatchDescriptor[] _pending = [];
    private long[] _regionCounts;
    private Round? _round;

    /// <summary>An aggregated update awaiting consensus.</summary>
    private sealed record Round(double[] Candidate, bool Verdict, double[] Gains, int Updates, double PayTracking, double ProviderPayTracking);

    public FederatedLearning(RunModel model)
    {
        _settings = model.Scenario.Learning;
        _rewards = model.Scenario.Rewards;
        _task = new LogisticTask(_settings, model.RunSeed);
        _validation = _task.CreateValidationSet(model.RunSeed);
        _trainers = model.Layout.CountOf(Role.Trainer);
        _firstTrainer = model.Layout.Start(Role.Trainer);
        _weights = new double[_task.Parameters];
        _score = LogisticModel.Evaluate(_weights, _validation);
        _regionCounts = new long[_task.Regions];
        _tracksProviders = Simulation.BehaviourColumns.Group.IsEnabled(model.Scenario);
    }

    /// <summary>The run's learning when <c>learning.kind</c> is federated, else null.</summary>
    public static FederatedLearning? For(RunModel model) =>
        model.Scenario.Learning.Kind == LearningKind.Federated ? new FederatedLearning(model) : null;

    public ModelScore Model => _score;
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The validators' verdict on the pending update: accept unless validation loss rises by more than the tolerance.</summary>
    public bool Verdict => _round?.Verdict ?? true;

    /// <summary>The on-chain record of the pending update: SHA-256d of its weight delta and the verdict.</summary>
    public Hash256 UpdateDigest()
    {
        var candidate = _round?.Candidate ?? [];
        var bytes = new byte[candidate.Length * sizeof(double) + 1];
        MemoryMarshal.AsBytes(candidate.AsSpan()).CopyTo(bytes);
        bytes[^1] = Verdict ? (byte)1 : (byte)0;
        return Sha256d.Hash(bytes);
    }

    /// <summary>
    /// The global model, last epoch's batches assigned round-robin to the trainers (batch j → trainer j mod T), and the scarcity reference.
    /// </summary>
    public LearningOrder NextOrder()
    {
        var batches = new BatchDescriptor[_trainers == 0 ? 0 : _pending.Length];
        var start = new int[_trainers + 1];
        var next = 0;
        for (var t = 0; t < _trainers; t++)
        {
            start[t] = next;
            for (var j = t; j < _pending.Length; j += _trainers) batches[next++] = _pending[j];
        }
        start[_trainers] = next;
        return new LearningOrder((double[])_weights.Clone(), batches, start, BatchQuality.Shares(_regionCounts), _score.Accuracy,
            _tracksProviders ? DataInfluence.ValidationGradient(_weights, _validation) : []);
    }

    /// <summary>
    /// Takes an epoch's reply: aggregates the updates, judges the candidate, values each trainer; keeps the new batches for next epoch.
    /// </summary>
    public void Absorb(LearningReport report)
    {
        _pending = report.Batches;
        _regionCounts = (long[])report.RegionCounts.Clone();
        var updates = report.Updates.Select(u => u.Delta).ToArray();
        var samples = report.Updates.Select(u => u.Samples).ToArray();
        var candidate = Aggregate(updates, samples, -1);
        var after = LogisticModel.Evaluate(Add(_weights, candidate), _validation);
        var verdict = after.Loss <= _score.Loss + _settings.Tolerance;
        var gains = new double[_trainers];
        var own = new double[updates.Length];
        // Each trainer's leave-one-out model is independent of the others' and written to its own slot: in parallel (the barrier
        // otherwise leaves all cores but one idle), the same doubles in any order. Only its accuracy is read, so no log-loss is taken.
        Parallel.For(0, updates.Length, Barrier, i =>
        {
            var without = LogisticModel.Accuracy(Add(_weights, Aggregate(updates, samples, i)), _validation);
            own[i] = Math.Max(0, after.Accuracy - without);
        });
        for (var i = 0; i < updates.Length; i++) gains[report.Updates[i].TrainerId - _firstTrainer] = own[i];
        var paidFor = report.Updates.Select((u, i) => ContributionValues.TrainingValue(u.GpuHours, own[i], _rewards.CGpu, _rewards.CAcc));
        var providers = _tracksProviders ? PayTracking(report.BatchValues, report.BatchInfluences) : double.NaN;
        _round = new Round(candidate, verdict, gains, updates.Length, PayTracking(paidFor.ToArray(), own), providers);
    }

    /// <summary>
    /// Spearman's rank correlation between what each agent is paid for and its marginal contribution: for trainers with an update,
    /// V_T = c_gpu·g + c_acc·Δacc (pay is monotone in V_T in every reward mode) against the leave-one-out gain Δacc, lower when GPU-hours
    /// claimed without a gain (a free-rider's) are paid; for providers, V_D = n·q against the batch's influence. 1 when pay ranks
    /// the agents as their contributions do. Average ranks for ties (MathNet); NaN with fewer than two agents or when either side is
    /// constant (every gain 0, say).
    /// </summary>
    public static double PayTracking(double[] paidFor, double[] contribution)
    {
        if (paidFor.Length < 2 || paidFor.Distinct().Count() < 2 || contribution.Distinct().Count() < 2) return double.NaN;
        return MathNet.Numerics.Statistics.Correlation.Spearman(paidFor, contribution);
    }

    /// <summary>Applies consensus' decision on the pending update (accepted: the model takes the step) and says what trainers earn.</summary>
    public LearningOutcome Settle(bool accepted)
    {
        var round = _round ?? new Round(new double[_task.Parameters], true, new double[_trainers], 0, double.NaN, double.NaN);
        if (accepted)
        {
            _weights = Add(_weights, round.Candidate);
            _score = LogisticModel.Evaluate(_weights, _validation);
        }
        _round = null;
        return new LearningOutcome(_score, accepted, round.Updates, new LearningScore(accepted, round.Gains),
            accepted ? round.PayTracking : double.NaN, accepted ? round.ProviderPayTracking : double.NaN);
    }

    /// <summary>The thread pool's scheduler: under Orleans the barrier runs in a grain, whose own scheduler runs one task at a time.</summary>
    private static readonly ParallelOptions Barrier = new() { TaskScheduler = TaskScheduler.Default };

    private double[] Aggregate(double[][] updates, long[] samples, int skip) =>
        Aggregation.Aggregate(_settings.Aggregation, _settings.TrimFraction, updates, samples, _task.Parameters, skip);

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (var k = 0; k < a.Length; k++) sum[k] = a[k] + b[k];
        return sum;
    }

    /// <summary>Writes the state that lives across epochs, exact bits (checkpoint convention).</summary>
    public void WriteState(BinaryWriter w)
    {
        WriteDoubles(w, _weights);
        w.Write(_score.Loss);
        w.Write(_score.Accuracy);
        w.Write(_pending.Length);
        foreach (var b in _pending)
        {
            w.Write(b.ProviderId); w.Write(b.Records); w.Write(b.Care); w.Write(b.Seed);
        }
        w.Write(_regionCounts.Length);
        foreach (var c in _regionCounts) w.Write(c);
        w.Write(_round is not null);
        if (_round is null) return;
        WriteDoubles(w, _round.Candidate);
        w.Write(_round.Verdict);
        WriteDoubles(w, _round.Gains);
        w.Write(_round.Updates);
        w.Write(_round.PayTracking);
        w.Write(_round.ProviderPayTracking);
    }

    public void ReadState(BinaryReader r)
    {
        _weights = ReadDoubles(r);
        _score = new ModelScore(r.ReadDouble(), r.ReadDouble());
        _pending = new BatchDescriptor[r.ReadInt32()];
        for (var i = 0; i < _pending.Length; i++)
            _pending[i] = new BatchDescriptor(r.ReadInt32(), r.ReadInt32(), r.ReadDouble(), r.ReadUInt64());
        _regionCounts = new long[r.ReadInt32()];
        for (var k = 0; k < _regionCounts.Length; k++) _regionCounts[k] = r.ReadInt64();
        _round = r.ReadBoolean()
            ? new Round(ReadDoubles(r), r.ReadBoolean(), ReadDoubles(r), r.ReadInt32(), r.ReadDouble(), r.ReadDouble())
            : null;
    }

    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadDouble();
        return values;
    }
}
