using MathNet.Numerics.Distributions;
using TokenEconSim.Domain.Market;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Market;

public class OutsidePriceTests
{
    // The recursion written out from its definition (docs/model.md §12.4), each Z_e from the shared stream of epoch e.
    [Fact]
    public void ThePriceIsTheLogAutoregressionOfTheSharedStream()
    {
        var price = new OutsidePrice(sigma: 0.2, reversion: 0.05, runSeed: 7);
        var log = 0.0;
        Assert.Equal(1.0, price.At(0));
        for (var e = 1; e <= 30; e++)
        {
            log = 0.95 * log + 0.2 * Normal.Sample(Seeds.SharedRng(7, e, RngPurpose.TokenPrice), 0, 1);
            Assert.Equal(Math.Exp(log), price.At(e), 12);
        }
    }

    // Asked out of order (a restored run, a later epoch first), it gives the same prices: a pure function of (seed, epoch).
    [Fact]
    public void EveryOrderOfAskingGivesTheSamePrices()
    {
        var forward = new OutsidePrice(0.3, 0.1, 3);
        var prices = Enumerable.Range(0, 20).Select(forward.At).ToArray();
        var backward = new OutsidePrice(0.3, 0.1, 3);
        Assert.Equal(prices[19], backward.At(19));
        Assert.Equal(prices, Enumerable.Range(0, 20).Select(backward.At));
        Assert.NotEqual(prices[5], new OutsidePrice(0.3, 0.1, 4).At(5));
    }

    // Full reversion leaves no memory: ln p_e = σ·Z_e, so the price does not drift; none without σ or beside the pool.
    [Fact]
    public void FullReversionForgetsTheLastPriceAndNoSigmaMeansNoProcess()
    {
        var price = new OutsidePrice(0.5, 1, 11);
        Assert.Equal(Math.Exp(0.5 * Normal.Sample(Seeds.SharedRng(11, 9, RngPurpose.TokenPrice), 0, 1)), price.At(9), 12);
        Assert.Null(OutsidePrice.For(new Scenario()));
        Assert.Null(OutsidePrice.For(new Scenario { Market = new MarketSection { Enabled = true, PriceSigma = 0.2 } }));
        Assert.NotNull(OutsidePrice.For(new Scenario { Market = new MarketSection { PriceSigma = 0.2 } }));
    }
}
