using TokenEconSim.Domain.Consensus.Prediction;

namespace TokenEconSim.Domain.Tests.Consensus;

public class BaselinePredictorsTests
{
    // On ln H a steady growth rate is a straight line, which Holt's trend learns: after enough windows the
    // forecast is the next window's value, where the last value is one growth step behind.
    [Fact]
    public async Task HoltLearnsASteadyGrowthRate()
    {
        var holt = new HoltPredictor(alpha: 0.5, beta: 0.2);
        double? forecast = null;
        for (var k = 0; k < 200; k++) forecast = await holt.ObserveAsync(1000 * Math.Pow(1.03, k));
        Assert.Equal(1000 * Math.Pow(1.03, 200), forecast!.Value, 1e-6 * forecast.Value);
    }

    [Fact]
    public async Task HoltStartsAtTheLastValue() => Assert.Equal(42, (await new HoltPredictor(0.5, 0.1).ObserveAsync(42))!.Value, 9);

    // A cycle of 4 windows: once a season has been seen, the forecast of the next window is the window one season back.
    [Fact]
    public async Task SeasonalNaiveRepeatsTheWindowOneSeasonBack()
    {
        var naive = new SeasonalNaivePredictor(seasonWindows: 4);
        double[] cycle = [10, 20, 30, 40];
        var forecasts = new List<double>();
        for (var k = 0; k < 10; k++) forecasts.Add((await naive.ObserveAsync(cycle[k % 4]))!.Value);
        Assert.Equal([10, 20, 30], forecasts.Take(3)); // fewer than a season: the last value
        for (var k = 3; k < 10; k++) Assert.Equal(cycle[(k + 1) % 4], forecasts[k]);
    }
}
