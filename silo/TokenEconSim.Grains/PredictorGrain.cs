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

    public async Task<double?> Observe(string resolvedScenario, double windowHashrate)
    {
        var predictor = Predictor(resolvedScenario);
        predictor.Observe(windowHashrate);
        state.State.Model = predictor.ExportState();
        await state.WriteStateAsync();
        return predictor.Predict();
    }

    private LstmHashratePredictor Predictor(string resolvedScenario)
    {
        if (_predictor is not null) return _predictor;
        var runId = this.GetPrimaryKeyString()[..^"/predictor".Length];
        var scenario = scenarios.Get(runId, resolvedScenario).Scenario;
        _predictor = new LstmHashratePredictor(scenario.Consensus.Difficulty.Lstm, scenario.Run.Seed);
        if (state.State.Model is { Length: > 0 } saved) _predictor.ImportState(saved);
        return _predictor;
    }
}

[GenerateSerializer, Alias("TokenEconSim.PredictorGrainState")]
public sealed class PredictorGrainState
{
    [Id(0)] public double[] Model { get; set; } = [];
}

/// <summary>The predictor grain as the producer's <see cref="IHashratePredictor"/>.</summary>
public sealed class OrleansPredictor(IGrainFactory grains, string runId, string resolvedScenario) : IHashratePredictor
{
    public Task<double?> ObserveAsync(double windowHashrate) =>
        grains.GetGrain<IPredictorGrain>(GrainKeys.Predictor(runId)).Observe(resolvedScenario, windowHashrate);
}
