using TokenEconSim.Contracts;
using TokenEconSim.Domain.Consensus.Prediction;

namespace TokenEconSim.Grains;

/// <summary>
/// A run's LSTM hashrate predictor (key <see cref="GrainKeys.Predictor"/>). After every observation
/// its whole state (weights, Adam moments, history, counters) is written to grain storage, so a
/// deactivated or moved predictor resumes exactly where it was: the run's bytes do not change.
/// </summary>
public sealed class PredictorGrain(
    [PersistentState("predictor", "Default")] IPersistentState<PredictorGrainState> state,
    ScenarioCache scenarios) : Grain, IPredictorGrain
{
    private LstmHashratePredictor? _predictor;

    public async Task Start(string resolvedScenario)
    {
        if (string.Equals(state.State.Scenario, resolvedScenario, StringComparison.Ordinal)) return;
        if (state.State.Scenario.Length > 0)
            throw new InvalidOperationException($"predictor {this.GetPrimaryKeyString()} was started with a different scenario");
        state.State.Scenario = resolvedScenario;
        await state.WriteStateAsync();
    }

    public async Task<double?> Observe(double windowHashrate, double tokenPrice, double blockReward, double difficulty, long time)
    {
        var predictor = Predictor();
        predictor.Observe(windowHashrate, new WindowContext(tokenPrice, blockReward, difficulty, time));
        state.State.Model = predictor.ExportState();
        await state.WriteStateAsync();
        return predictor.Predict();
    }

    private LstmHashratePredictor Predictor()
    {
        if (_predictor is not null) return _predictor;
        if (state.State.Scenario.Length == 0)
            throw new InvalidOperationException($"predictor {this.GetPrimaryKeyString()} was not started");
        var runId = this.GetPrimaryKeyString()[..^"/predictor".Length];
        var scenario = scenarios.Get(runId, state.State.Scenario).Scenario; // parsed once per silo, shared with the run's other grains
        _predictor = new LstmHashratePredictor(scenario.Consensus.Difficulty.Lstm, scenario.Run.Seed);
        if (state.State.Model is { Length: > 0 } saved) _predictor.ImportState(saved);
        return _predictor;
    }
}

[GenerateSerializer, Alias("TokenEconSim.PredictorGrainState")]
public sealed class PredictorGrainState
{
    [Id(0)] public double[] Model { get; set; } = [];

    /// <summary>The run's resolved scenario, given once by <see cref="IPredictorGrain.Start"/>.</summary>
    [Id(1)] public string Scenario { get; set; } = "";
}

/// <summary>The predictor grain as the producer's <see cref="IHashratePredictor"/>.</summary>
// The scenario goes to the grain once, before the first observation, not with every call.
public sealed class OrleansPredictor(IGrainFactory grains, string runId, string resolvedScenario) : IHashratePredictor
{
    private readonly IPredictorGrain _grain = grains.GetGrain<IPredictorGrain>(GrainKeys.Predictor(runId));
    private Task? _started;

    public async Task<double?> ObserveAsync(WindowObservation window)
    {
        await (_started ??= _grain.Start(resolvedScenario));
        var c = window.Context;
        return await _grain.Observe(window.Hashrate, c.TokenPrice, c.BlockReward, c.Difficulty, c.Time);
    }
}
