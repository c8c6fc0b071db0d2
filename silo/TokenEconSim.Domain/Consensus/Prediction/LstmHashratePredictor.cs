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
/// </summary>
public sealed class LstmHashratePredictor
{
    private readonly LstmPredictorSection _settings;
    private readonly LstmRegressor _model;
    private readonly long _runSeed;
    private readonly List<double> _logs = [];
    private int _observed;
    private bool _trained;

    public LstmHashratePredictor(LstmPredictorSection settings, long runSeed)
    {
        _settings = settings;
        _runSeed = runSeed;
        var config = new LstmConfig
        {
            InputSize = 1, Window = settings.Window, HiddenSize = settings.Hidden, Layers = settings.Layers,
            LearningRate = settings.LearningRate,
        };
        config.EnsureValid();
        _model = new LstmRegressor(config, Seeds.ForShared(runSeed, 0, RngPurpose.LstmInitialisation));
    }

    public void Observe(double windowHashrate)
    {
        if (!(windowHashrate > 0)) return;
        _logs.Add(Math.Log(windowHashrate));
        if (_logs.Count > _settings.History) _logs.RemoveAt(0);
        _observed++;
        if (Series().Count > _settings.Window && _observed % _settings.TrainEvery == 0) Train();
    }

    /// <summary>Everything the predictor has learned and seen, for a grain to persist: the model, the history, the counters.</summary>
    public double[] ExportState() => [_observed, _trained ? 1 : 0, _logs.Count, .. _logs, .. _model.ExportState()];

    public void ImportState(ReadOnlySpan<double> state)
    {
        _observed = (int)state[0];
        _trained = state[1] != 0;
        var count = (int)state[2];
        _logs.Clear();
        _logs.AddRange(state.Slice(3, count).ToArray());
        _model.ImportState(state[(3 + count)..]);
    }

    public double? Predict()
    {
        if (_logs.Count == 0) return null;
        var series = Series();
        if (!_trained || series.Count < _settings.Window) return Math.Exp(_logs[^1]);
        var next = _model.Predict(CollectionsMarshal.AsSpan(series)[^_settings.Window..]); // the last window, not copied
        return Math.Exp(ForecastsChange ? _logs[^1] + next : next);
    }

    private bool ForecastsChange => _settings.Forecast == LstmForecastTarget.Change;

    /// <summary>What the network reads and predicts: ln H itself, or its window-to-window differences.</summary>
    private List<double> Series() => ForecastsChange ? [.. _logs.Zip(_logs.Skip(1), (a, b) => b - a)] : _logs;

    private void Train()
    {
        var series = Series();
        var inputs = new List<double[]>();
        var targets = new List<double>();
        for (var start = 0; start + _settings.Window < series.Count; start++)
        {
            inputs.Add(series.GetRange(start, _settings.Window).ToArray());
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
