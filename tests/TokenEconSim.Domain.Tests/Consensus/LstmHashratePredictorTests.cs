using TokenEconSim.Domain.Consensus.Prediction;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Consensus;

public class LstmHashratePredictorTests
{
    // A hashrate that swings with a period of 16 windows (miners following a daily/weekly cycle) plus
    // noise: the LSTM's one-step forecasts must beat "same as last window" once it has trained.
    [Fact]
    public void OnACyclicHashrateItBeatsTheLastValue()
    {
        var predictor = new LstmHashratePredictor(new LstmPredictorSection
        {
            Window = 8, Hidden = 12, TrainEvery = 16, Epochs = 30,
            History = 96
        }, runSeed: 3);
        var noise = new Xoshiro256StarStar(9);
        double H(int t) => 1000 * Math.Exp(0.4 * Math.Sin(2 * Math.PI * t / 16) + 0.03 * (noise.NextDouble() - 0.5));
        double lstmError = 0, lastError = 0;
        var previous = H(0);
        predictor.Observe(previous);
        for (var t = 1; t < 200; t++)
        {
            var forecast = predictor.Predict()!.Value;
            var actual = H(t);
            if (t >= 120)
            {
                lstmError += Math.Pow(Math.Log(forecast / actual), 2);
                lastError += Math.Pow(Math.Log(previous / actual), 2);
            }
            predictor.Observe(actual);
            previous = actual;
        }
        Assert.True(lstmError < 0.5 * lastError, $"LSTM {lstmError:F4} vs last value {lastError:F4}");
    }

    [Fact]
    public void BeforeItsFirstTrainingItForecastsTheLastValue()
    {
        var predictor = new LstmHashratePredictor(new LstmPredictorSection(), runSeed: 1);
        Assert.Null(predictor.Predict());
        predictor.Observe(5);
        predictor.Observe(7);
        Assert.Equal(7, predictor.Predict()!.Value, 9);
    }

    [Fact]
    public void TheSameObservationsGiveTheSameForecasts()
    {
        static double Run()
        {
            var p = new LstmHashratePredictor(new LstmPredictorSection { Window = 4, Hidden = 4, TrainEvery = 4, History = 20 }, runSeed: 5);
            for (var t = 0; t < 30; t++) p.Observe(100 + t * 3 + (t % 5));
            return p.Predict()!.Value;
        }
        Assert.Equal(Run(), Run());
    }

    // Steady 3 % growth per window with a little noise, the default predictor settings: the level
    // forecast regresses toward the mean of its z-scored history and sits below the last window (so
    // lstm lowers difficulty while hashrate grows); the change forecast learns the growth and sits above.
    [Theory]
    [InlineData(LstmForecastTarget.Level, false)]
    [InlineData(LstmForecastTarget.Change, true)]
    public void UnderSteadyGrowthOnlyTheChangeForecastExpectsMore(LstmForecastTarget target, bool expectsGrowth)
    {
        var predictor = new LstmHashratePredictor(new LstmPredictorSection { Forecast = target }, runSeed: 1);
        var noise = new Xoshiro256StarStar(4);
        var logRatios = new List<double>();
        for (var t = 0; t < 120; t++)
        {
            var observed = 1000 * Math.Exp(0.03 * t + 0.01 * (noise.NextDouble() - 0.5));
            predictor.Observe(observed);
            if (t >= 40) logRatios.Add(Math.Log(predictor.Predict()!.Value / observed));
        }
        Assert.True(logRatios.Average() > 0 == expectsGrowth, $"mean ln(forecast / last) = {logRatios.Average():F4}");
    }
}
