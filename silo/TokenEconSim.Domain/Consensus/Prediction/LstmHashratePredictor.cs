using System.Runtime.InteropServices;
using TokenEconSim.Domain.Learning.Lstm;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Consensus.Prediction;

/// <summary>
/// Online LSTM forecast of the next window's hashrate. It works on ln H (hashrate moves
/// multiplicatively), keeps the last <c>history</c> observations, and every <c>train_every</c>
/// observations retrains on all (window, next) pairs among them for <c>epochs</c> passes of Adam.
/// Warm-up: until it has trained once (window + 1 observations and a training turn), it forecasts
/// the last value, so <c>lstm</c> holds the difficulty and <c>lstm_asert</c> is plain ASERT.
/// Weights and shuffles come from the run seed: a run trains identically every time.
/// With <c>forecast: change</c> the network reads and predicts differences ln H_{k+1} − ln H_k and the
/// forecast is the last ln H plus the predicted difference (needs one more observation before training).
/// With <c>inputs: all</c> each window's step also carries what was known when it closed (<see cref="WindowContext"/>):
/// ln p, ln p − ln p_prev, ln(B·p), ln D and, with a period P, sin and cos of 2π·t/P. Training pairs end at the newest window,
/// so the network never reads a window it is asked to forecast.
/// </summary>
public sealed class LstmHashratePredictor
{
    private readonly LstmPredictorSection _settings;
    private readonly LstmRegressor _model;
    private readonly long _runSeed;
    private readonly List<double> _logs = [];
    private readonly List<double[]> _contexts = []; // per observation, the context inputs; empty lists with inputs: hashrate
    private int _observed;
    private bool _trained;

    public LstmHashratePredictor(LstmPredictorSection settings, long runSeed)
    {
        _settings = settings;
        _runSeed = runSeed;
        var config = new LstmConfig
        {
            InputSize = 1 + ContextInputs(settings), Window = settings.Window, HiddenSize = settings.Hidden, Layers = settings.Layers,
            LearningRate = settings.LearningRate,
        };
        config.EnsureValid();
        _model = new LstmRegressor(config, Seeds.ForShared(runSeed, 0, RngPurpose.LstmInitialisation));
    }

    /// <summary>Context inputs per step: none, or ln p, Δ ln p, ln(B·p), ln D, and sin, cos of the phase with a period.</summary>
    private static int ContextInputs(LstmPredictorSection s) => s.Inputs == LstmInputs.All ? s.Period > 0 ? 6 : 4 : 0;

    private int Extra => ContextInputs(_settings);

    public void Observe(double windowHashrate, WindowContext? context = null)
    {
        if (!(windowHashrate > 0)) return;
        _logs.Add(Math.Log(windowHashrate));
        if (Extra > 0) _contexts.Add(ContextOf(context ?? WindowContext.None));
        if (_logs.Count > _settings.History)
        {
            _logs.RemoveAt(0);
            if (Extra > 0) _contexts.RemoveAt(0);
        }
        _observed++;
        if (Series().Count > _settings.Window && _observed % _settings.TrainEvery == 0) Train();
    }

    /// <summary>Everything the predictor has learned and seen, for a grain to persist: the model, the history, the counters.</summary>
    public double[] ExportState() => [_observed, _trained ? 1 : 0, _logs.Count, .. _logs, .. _contexts.SelectMany(c => c), .. _model.ExportState()];

    public void ImportState(ReadOnlySpan<double> state)
    {
        _observed = (int)state[0];
        _trained = state[1] != 0;
        var count = (int)state[2];
        _logs.Clear();
        _logs.AddRange(state.Slice(3, count).ToArray());
        _contexts.Clear();
        var contexts = state.Slice(3 + count, count * Extra);
        for (var k = 0; k < (Extra > 0 ? count : 0); k++) _contexts.Add(contexts.Slice(k * Extra, Extra).ToArray());
        _model.ImportState(state[(3 + count + contexts.Length)..]);
    }

    public double? Predict()
    {
        if (_logs.Count == 0) return null;
        var series = Series();
        if (!_trained || series.Count < _settings.Window) return Math.Exp(_logs[^1]);
        var next = Extra == 0
            ? _model.Predict(CollectionsMarshal.AsSpan(series)[^_settings.Window..]) // the last window, not copied
            : _model.Predict(Steps(series, series.Count - _settings.Window));
        return Math.Exp(ForecastsChange ? _logs[^1] + next : next);
    }

    /// <summary>
    /// Forecasts 1…<paramref name="horizons"/> windows ahead by recursion (the network's own forecast taken as the next window, the
    /// price held at its last value, the phase advanced by <paramref name="windowSeconds"/> a window); nothing is trained and the
    /// predictor is left as it was. For measuring forecasts by horizon; consensus reads one window ahead only.
    /// </summary>
    public double[] Ahead(int horizons, double windowSeconds)
    {
        if (_logs.Count == 0) return [];
        var (logs, contexts) = (_logs.Count, _contexts.Count);
        var ahead = new double[horizons];
        for (var j = 0; j < horizons; j++)
        {
            ahead[j] = Predict()!.Value;
            if (Extra > 0) _contexts.Add(Advanced(_contexts[^1], windowSeconds));
            _logs.Add(Math.Log(ahead[j]));
        }
        _logs.RemoveRange(logs, _logs.Count - logs);
        _contexts.RemoveRange(contexts, _contexts.Count - contexts);
        return ahead;
    }

    /// <summary>The next window's inputs as far as known: the same price (no change), block value and difficulty; the phase moved on.</summary>
    private double[] Advanced(double[] last, double windowSeconds)
    {
        var next = (double[])last.Clone();
        next[1] = 0;
        if (Extra == 6)
        {
            var step = 2 * Math.PI * windowSeconds / _settings.Period;
            (next[4], next[5]) = (last[4] * Math.Cos(step) + last[5] * Math.Sin(step), last[5] * Math.Cos(step) - last[4] * Math.Sin(step));
        }
        return next;
    }

    private bool ForecastsChange => _settings.Forecast == LstmForecastTarget.Change;

    /// <summary>What the network reads and predicts: ln H itself, or its window-to-window differences.</summary>
    private List<double> Series() => ForecastsChange ? [.. _logs.Zip(_logs.Skip(1), (a, b) => b - a)] : _logs;

    /// <summary>
    /// The window of steps from <paramref name="start"/>, each the series value then its observation's context inputs (a difference
    /// of the change series belongs to the later of its two observations).
    /// </summary>
    private double[] Steps(List<double> series, int start)
    {
        var offset = _logs.Count - series.Count;
        var steps = new double[_settings.Window * (1 + Extra)];
        for (var k = 0; k < _settings.Window; k++)
        {
            steps[k * (1 + Extra)] = series[start + k];
            _contexts[start + k + offset].CopyTo(steps, k * (1 + Extra) + 1);
        }
        return steps;
    }

    private double[] ContextOf(WindowContext c)
    {
        var logPrice = Log(c.TokenPrice);
        var change = _contexts.Count == 0 ? 0 : logPrice - _contexts[^1][0];
        double[] inputs = [logPrice, change, Log(c.BlockReward * c.TokenPrice), Log(c.Difficulty)];
        if (Extra == 4) return inputs;
        var phase = 2 * Math.PI * (c.Time % _settings.Period) / _settings.Period;
        return [.. inputs, Math.Sin(phase), Math.Cos(phase)];
    }

    /// <summary>ln x, and 0 for a value that has none (no price, no reward): the input is then constant and z-scores to 0.</summary>
    private static double Log(double x) => x > 0 ? Math.Log(x) : 0;

    private void Train()
    {
        var series = Series();
        var inputs = new List<double[]>();
        var targets = new List<double>();
        for (var start = 0; start + _settings.Window < series.Count; start++)
        {
            inputs.Add(Extra == 0 ? series.GetRange(start, _settings.Window).ToArray() : Steps(series, start));
            targets.Add(series[start + _settings.Window]);
        }
        _model.Train(inputs, targets, new TrainingOptions
        {
            Epochs = _settings.Epochs, BatchSize = 8,
            ShuffleSeed = Seeds.ForShared(_runSeed, _observed, RngPurpose.LstmTraining),
            RefitScaler = true, // the level of ln H drifts; z-scores follow the recent history
        });
        _trained = true;
    }
}
