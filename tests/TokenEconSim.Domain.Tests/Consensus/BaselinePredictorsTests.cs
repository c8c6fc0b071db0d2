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

    // Several windows ahead: Holt extends its trend j steps (exp(ℓ + j·b)), the seasonal naive forecast walks the season on, and
    // the first of each is the one-window forecast consensus reads.
    [Fact]
    public async Task AheadExtendsTheTrendAndTheSeason()
    {
        var holt = new HoltPredictor(alpha: 0.5, beta: 0.2);
        double? next = null;
        for (var k = 0; k < 200; k++) next = await holt.ObserveAsync(1000 * Math.Pow(1.03, k));
        var ahead = holt.Ahead(3);
        Assert.Equal(next!.Value, ahead[0]);
        for (var j = 1; j <= 3; j++) Assert.Equal(1000 * Math.Pow(1.03, 199 + j), ahead[j - 1], 1e-6 * ahead[j - 1]);

        var naive = new SeasonalNaivePredictor(seasonWindows: 4);
        double[] cycle = [10, 20, 30, 40];
        for (var k = 0; k < 7; k++) await naive.ObserveAsync(cycle[k % 4]); // windows 0…6, the last one 30
        Assert.Equal([40, 10, 20, 30, 40, 10], naive.Ahead(6)); // windows 7, 8, … are cycle[3], cycle[0], …
        Assert.Empty(new HoltPredictor(0.5, 0.1).Ahead(2));
    }
}
