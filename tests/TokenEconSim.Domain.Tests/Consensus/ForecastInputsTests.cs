using TokenEconSim.Domain.Consensus;
using TokenEconSim.Domain.Consensus.Prediction;
using TokenEconSim.Domain.Parameters;

namespace TokenEconSim.Domain.Tests.Consensus;

/// <summary>The LSTM's inputs beyond the hashrate (<c>lstm.inputs: all</c>, docs/model.md §4.2).</summary>
public class ForecastInputsTests
{
    private static readonly LstmPredictorSection Small = new() { Window = 3, Hidden = 4, TrainEvery = 2, History = 20, Epochs = 3 };

    // Each window's step carries ln p, ln p − ln p_prev, ln(B·p), ln D and the phase of the period, as the predictor keeps them.
    [Fact]
    public void AWindowsInputsAreItsPriceItsChangeItsBlockValueItsDifficultyAndItsPhase()
    {
        var predictor = new LstmHashratePredictor(new LstmPredictorSection { Inputs = LstmInputs.All, Period = 4000 }, runSeed: 1);
        predictor.Observe(10, new WindowContext(2, 50, 6000, 1000));
        predictor.Observe(12, new WindowContext(3, 25, 7000, 5000));
        var state = predictor.ExportState();
        Assert.Equal(2, state[2]); // two observations, then their ln H, then their inputs
        Assert.Equal([Math.Log(10), Math.Log(12)], state[3..5]);
        double[] second = [Math.Log(3), Math.Log(3) - Math.Log(2), Math.Log(75), Math.Log(7000), 1, 0]; // 5000 s is 1000 s into the period
        Assert.Equal(Math.Log(2), state[5], 12);
        Assert.Equal(0, state[6]); // the first window has no change
        for (var k = 0; k < 6; k++) Assert.Equal(second[k], state[11 + k], 12);
    }

    // The default reads the hashrate alone: the same hashrates under any price path give the same forecast (existing runs keep their
    // bytes); with inputs: all the price path moves the forecast. (A price scaled by a constant would not: the inputs are z-scored.)
    [Fact]
    public void OnlyInputsAllReadsTheContext()
    {
        double? Forecast(LstmInputs inputs, double priceFrequency)
        {
            var p = new LstmHashratePredictor(new LstmPredictorSection
            {
                Window = Small.Window, Hidden = Small.Hidden, TrainEvery = Small.TrainEvery, History = Small.History, Epochs = 3,
                Inputs = inputs,
            }, runSeed: 2);
            for (var k = 0; k < 16; k++)
                p.Observe(100 + 20 * Math.Sin(k), new WindowContext(1 + 0.3 * Math.Cos(priceFrequency * k), 50, 1000 + k, 600 * k));
            return p.Predict();
        }
        Assert.Equal(Forecast(LstmInputs.Hashrate, 1), Forecast(LstmInputs.Hashrate, 2.5));
        Assert.NotEqual(Forecast(LstmInputs.All, 1), Forecast(LstmInputs.All, 2.5));
    }

    // Through the producer: two runs identical but for the token price from epoch 12 on. Every forecast in force up to epoch 11's end
    // is bit for bit the same (a window reads only the price of the epoch it closed in, never a later one); after it they differ.
    [Fact]
    public async Task AFuturePriceChangesNoEarlierForecast()
    {
        async Task<double[]> Forecasts(double laterPrice)
        {
            var consensus = ConsensusFactory.Create(new Scenario
            {
                Run = new RunSection { EpochLength = 7200 },
                Consensus = new ConsensusSection
                {
                    TargetBlockTime = 600,
                    Difficulty = new DifficultySection
                    {
                        Algorithm = DifficultyAlgorithmKind.PredictiveAsert, RetargetWindow = 6, SkillWindows = 2,
                        Lstm = new LstmPredictorSection
                        {
                            Window = 3, Hidden = 4, TrainEvery = 2, History = 20, Epochs = 3, Inputs = LstmInputs.All, Period = 43200,
                        },
                    },
                },
            });
            var forecasts = new double[20];
            for (var e = 0; e < forecasts.Length; e++)
            {
                var price = e < 12 ? 1 + 0.2 * Math.Sin(e) : laterPrice;
                var input = new ConsensusInput(e, e * 7200.0, (e + 1) * 7200.0, [100, 101], [2 + Math.Sin(e / 2.0), 3], [10], [1], 1, 1, 50, 20)
                {
                    TokenPrice = price,
                };
                forecasts[e] = (await consensus.RunEpochAsync(input, 5)).HashratePredicted;
            }
            return forecasts;
        }
        var (a, b) = (await Forecasts(0.5), await Forecasts(4));
        Assert.Equal(a[..12], b[..12]);
        Assert.Contains(a[12..].Zip(b[12..]), pair => pair.First != pair.Second);
    }

    // Forecasting several windows ahead feeds the network its own forecasts without training and leaves the predictor as it was:
    // its first step is the one-window forecast, and the state after equals the state before.
    [Fact]
    public void AheadLeavesThePredictorAsItWas()
    {
        var predictor = new LstmHashratePredictor(new LstmPredictorSection
        {
            Window = 3, Hidden = 4, TrainEvery = 2, History = 20, Epochs = 3, Inputs = LstmInputs.All, Period = 3000,
        }, runSeed: 4);
        for (var k = 0; k < 15; k++) predictor.Observe(100 + 20 * Math.Sin(k), new WindowContext(1 + 0.2 * Math.Cos(k), 50, 900 + k, 600 * k));
        var (before, next) = (predictor.ExportState(), predictor.Predict());
        var ahead = predictor.Ahead(4, windowSeconds: 600);
        Assert.Equal(4, ahead.Length);
        Assert.Equal(next, ahead[0]);
        Assert.NotEqual(ahead[0], ahead[1]);
        Assert.Equal(before, predictor.ExportState());
        Assert.Equal(next, predictor.Predict());
    }
}
