using TokenEconSim.Domain.Consensus.Prediction;

namespace TokenEconSim.Domain.Tests.Consensus;

public sealed class ForecastCombinationTests
{
    [Fact]
    public void ComponentsWeighEquallyUntilAHorizonHasEnoughScores()
    {
        var combination = new ForecastCombination(2, 1, 1.0);
        var combined = combination.Observe(100, [[100.0], [400.0]]);
        Assert.Equal(200, combined[0], 9); // the geometric mean of 100 and 400
        Assert.Equal([0.5, 0.5], combination.Weights(1));
    }

    [Fact]
    public void WeightsAreTheInverseDiscountedSquaredLogErrors()
    {
        // Component 0 always forecasts 10 % high, component 1 always 20 % low: with δ = 0.5 after n scores each sum is
        // e² (1 − δⁿ)/(1 − δ), the same factor for both, so the weights are 1/e² normalised (Bates & Granger's inverse-MSE weights).
        var combination = new ForecastCombination(2, 1, 0.5);
        for (var k = 0; k < 10; k++) combination.Observe(1000, [[1100.0], [800.0]]);
        double e0 = Math.Log(1.1), e1 = Math.Log(0.8);
        var expected0 = 1 / (e0 * e0) / (1 / (e0 * e0) + 1 / (e1 * e1));
        var weights = combination.Weights(1);
        Assert.Equal(expected0, weights[0], 12);
        Assert.Equal(1 - expected0, weights[1], 12);
    }

    [Fact]
    public void AHorizonIsScoredOnlyOnTheWindowItForecast()
    {
        // Component 0 is exact at horizon 2 and wrong at horizon 1, component 1 the reverse, on a series that doubles each window.
        var combination = new ForecastCombination(2, 2, 1.0);
        var hashrate = 1.0;
        for (var k = 0; k < 12; k++, hashrate *= 2)
            combination.Observe(hashrate, [[hashrate * 3, hashrate * 4], [hashrate * 2, hashrate * 5]]);
        Assert.True(combination.Weights(1)[1] > 0.999, $"horizon 1 weights {string.Join(", ", combination.Weights(1))}");
        Assert.True(combination.Weights(2)[0] > 0.999, $"horizon 2 weights {string.Join(", ", combination.Weights(2))}");
    }

    [Fact]
    public void AComponentThatCannotForecastYetIsLeftOut()
    {
        var combination = new ForecastCombination(2, 1, 0.9);
        Assert.Equal(300, combination.Observe(100, [[], [300.0]])[0], 9);
    }
}
