using TokenEconSim.Domain.Agents;
using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Studies.Bench;

/// <summary>
/// The floor of `silo bench --economy ai`: the learning an epoch of the federated AI economy (docs/model.md §10) cannot do without,
/// in plain loops over flat arrays. Per epoch: every provider draws its batch's size, care and seed from its own stream (the
/// product's samplers) and the batch is generated once (<see cref="LogisticTask.Generate"/>, the product's generator); batch j goes to
/// trainer j mod T, and every trainer runs the product's local SGD arithmetic (E passes, each shuffled with the trainer's stream,
/// mini-batches of B: z = w·x̃, r = σ(z) − y, w ← w − (η/rows)·X̃ᵀr, missing values 0) from the global model; the barrier takes the
/// FedAvg of the updates and its validation loss and accuracy, then for every trainer the FedAvg of the others (summed in order, as
/// the product sums them) and that model's validation accuracy, which is what its leave-one-out gain needs. Providers, trainers and
/// leave-one-out trainers are split into one contiguous range per core and run in parallel.
/// </summary>
/// <remarks>
/// Left out: the batch-quality measures, rewards, fees, balances, consensus, blocks, metrics rows and shard messages, and the
/// second generation of each batch (the product draws a batch in the provider's epoch and rebuilds it from its recipe in the
/// trainer's shard the next epoch). The model takes every update (the product's validators may reject one), so it keeps moving.
/// </remarks>
public sealed class AiFloorKernel
{
    private readonly LearningSection _learning;
    private readonly DataProviderPopulation _providerPopulation;
    private readonly LogisticTask _task;
    private readonly ValidationSet _validation;
    private readonly int _providers, _trainers, _workers, _d;
    private readonly ulong[] _providerStates, _trainerStates;
    private readonly int[] _records;
    private readonly long[] _offset;
    private readonly ulong[] _seeds;
    private readonly double[] _care;
    private double[] _features = [], _labels = [];
    private readonly double[][] _updates;
    private readonly long[] _samples;
    private double[] _weights;

    /// <summary>Seeds every provider's and trainer's stream, builds the task and its validation set (timed apart from <see cref="Run"/>).</summary>
    public AiFloorKernel(Scenario scenario, int workers)
    {
        _learning = scenario.Learning;
        _providerPopulation = scenario.Populations.DataProviders;
        var layout = new PopulationLayout(scenario.Populations);
        _task = new LogisticTask(_learning, scenario.Run.Seed);
        _validation = _task.CreateValidationSet(scenario.Run.Seed);
        _d = _task.Dimensions;
        (_providers, _trainers) = (layout.CountOf(Role.DataProvider), layout.CountOf(Role.Trainer));
        _providerStates = Streams(scenario, layout.Start(Role.DataProvider), _providers);
        _trainerStates = Streams(scenario, layout.Start(Role.Trainer), _trainers);
        (_records, _offset, _seeds, _care) = (new int[_providers], new long[_providers + 1], new ulong[_providers], new double[_providers]);
        _updates = [.. Enumerable.Range(0, _trainers).Select(_ => new double[_task.Parameters])];
        _samples = new long[_trainers];
        _weights = new double[_task.Parameters];
        _workers = Math.Max(1, workers);
    }

    private static ulong[] Streams(Scenario scenario, int first, int count)
    {
        var states = new ulong[count * 4];
        var rng = new Xoshiro256StarStar(0);
        for (var i = 0; i < count; i++)
        {
            rng.Reseed(Seeds.ForAgent(scenario.Run.Seed, first + i));
            rng.Store(states, i);
        }
        return states;
    }

    /// <summary>Runs <paramref name="epochs"/> epochs; returns Σ of the candidates' validation loss and the leave-one-out accuracies
    /// (kept so no work can be dropped as dead).</summary>
    public double Run(int epochs)
    {
        var checksum = 0.0;
        for (var e = 0; e < epochs; e++)
        {
            Chunked(_providers, DrawRecipes);
            for (var p = 0; p < _providers; p++) _offset[p + 1] = _offset[p] + _records[p];
            if (_labels.Length < _offset[_providers])
                (_labels, _features) = (new double[_offset[_providers]], new double[_offset[_providers] * _d]);
            Chunked(_providers, Generate);
            Chunked(_trainers, Train);
            checksum += Barrier();
        }
        return checksum;
    }

    private void Chunked(int count, Action<int, int> body)
    {
        var parts = Math.Clamp(_workers, 1, Math.Max(1, count));
        Parallel.For(0, parts, p => body((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts)));
    }

    private void DrawRecipes(int from, int to)
    {
        var rng = new Xoshiro256StarStar(0);
        for (var p = from; p < to; p++)
        {
            rng.Load(_providerStates, p);
            _records[p] = (int)Math.Floor(Math.Max(0, _providerPopulation.BatchSize.Sample(rng)));
            _care[p] = Math.Clamp(_providerPopulation.Quality.Sample(rng), 0, 1);
            _seeds[p] = rng.NextUInt64();
            rng.Store(_providerStates, p);
        }
    }

    private void Generate(int from, int to)
    {
        var rng = new Xoshiro256StarStar(0);
        var centre = new double[_d];
        for (var p = from; p < to; p++)
            _task.Generate(new BatchDescriptor(p, _records[p], _care[p], _seeds[p]), rng, _features.AsSpan((int)(_offset[p] * _d)),
                _labels.AsSpan((int)_offset[p]), centre);
    }

    private void Train(int from, int to)
    {
        var rng = new Xoshiro256StarStar(0);
        var (parameters, batch) = (_task.Parameters, _learning.BatchSize);
        var (w, g, r) = (new double[parameters], new double[parameters], new double[batch]);
        var order = new List<int>();
        for (var t = from; t < to; t++)
        {
            order.Clear();
            for (var p = t; p < _providers; p += _trainers)
                for (var s = _offset[p]; s < _offset[p + 1]; s++) order.Add((int)s);
            rng.Load(_trainerStates, t);
            _weights.CopyTo(w, 0);
            var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order);
            for (var e = 0; e < _learning.LocalEpochs; e++)
            {
                for (var i = rows.Length - 1; i > 0; i--)
                {
                    var j = rng.Next(i + 1);
                    (rows[i], rows[j]) = (rows[j], rows[i]);
                }
                for (var start = 0; start < rows.Length; start += batch)
                    Step(rows.Slice(start, Math.Min(batch, rows.Length - start)), w, g, r);
            }
            rng.Store(_trainerStates, t);
            for (var k = 0; k < parameters; k++) _updates[t][k] = w[k] - _weights[k];
            _samples[t] = rows.Length;
        }
    }

    /// <summary>One mini-batch step: z = w·x̃ per row, r = σ(z) − y, g = X̃ᵀr column by column, w ← w − (η/rows)·g.</summary>
    private void Step(ReadOnlySpan<int> rows, double[] w, double[] g, double[] r)
    {
        var d = _d;
        for (var b = 0; b < rows.Length; b++)
        {
            var x = _features.AsSpan(rows[b] * d, d);
            var z = 0.0;
            for (var k = 0; k < d; k++) z += (double.IsNaN(x[k]) ? 0 : x[k]) * w[k];
            r[b] = LogisticModel.Sigmoid(z + w[d]) - _labels[rows[b]];
        }
        Array.Clear(g);
        for (var b = 0; b < rows.Length; b++)
        {
            var x = _features.AsSpan(rows[b] * d, d);
            for (var k = 0; k < d; k++) g[k] += (double.IsNaN(x[k]) ? 0 : x[k]) * r[b];
            g[d] += r[b];
        }
        var step = _learning.LearningRate / rows.Length;
        for (var k = 0; k <= d; k++) w[k] -= step * g[k];
    }

    /// <summary>FedAvg and its validation score, then each trainer's leave-one-out FedAvg and its validation accuracy; the model takes
    /// the update.</summary>
    private double Barrier()
    {
        var candidate = FedAvg(-1);
        var model = new double[candidate.Length];
        for (var k = 0; k < model.Length; k++) model[k] = _weights[k] + candidate[k];
        var score = LogisticModel.Evaluate(model, _validation);
        var accuracies = new double[_trainers];
        Chunked(_trainers, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var without = FedAvg(i);
                for (var k = 0; k < without.Length; k++) without[k] += _weights[k];
                accuracies[i] = Accuracy(without);
            }
        });
        _weights = model;
        return score.Loss + accuracies.Sum();
    }

    private double[] FedAvg(int skip)
    {
        var result = new double[_task.Parameters];
        long total = 0;
        for (var i = 0; i < _trainers; i++) if (i != skip) total += _samples[i];
        if (total == 0) return result;
        for (var i = 0; i < _trainers; i++)
        {
            if (i == skip) continue;
            for (var k = 0; k < result.Length; k++) result[k] += _samples[i] * _updates[i][k];
        }
        for (var k = 0; k < result.Length; k++) result[k] /= total;
        return result;
    }

    private double Accuracy(double[] weights)
    {
        var (set, d, correct) = (_validation, _d, 0);
        for (var i = 0; i < set.Count; i++)
        {
            var z = LogisticModel.Logit(weights, set.Features.AsSpan(i * d, d));
            if ((z >= 0) == (set.Labels[i] > 0.5)) correct++;
        }
        return correct / (double)set.Count;
    }
}
