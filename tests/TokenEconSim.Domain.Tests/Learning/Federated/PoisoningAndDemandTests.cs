using TokenEconSim.Domain.Learning.Federated;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Federated;

public class PoisoningAndDemandTests
{
    [Fact]
    public void SignFlipAndScaledMultiplyTheHonestUpdate()
    {
        double[] flipped = [1, -2, 0.5];
        Poisoning.Apply(flipped, PoisonAttack.SignFlip, 4, new Xoshiro256StarStar(1));
        Assert.Equal([-4.0, 8.0, -2.0], flipped);
        double[] scaled = [1, -2, 0.5];
        Poisoning.Apply(scaled, PoisonAttack.Scaled, 3, new Xoshiro256StarStar(1));
        Assert.Equal([3.0, -6.0, 1.5], scaled);
    }

    [Fact]
    public void RandomReplacesTheUpdateWithNoiseOfScaledRmsSize()
    {
        var delta = Enumerable.Repeat(0.1, 20_000).ToArray(); // rms 0.1
        Poisoning.Apply(delta, PoisonAttack.Random, 5, new Xoshiro256StarStar(3));
        var mean = delta.Average();
        var sd = Math.Sqrt(delta.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(sd, 0.48, 0.52); // 5 × 0.1
    }

    [Fact]
    public void DemandIsOneAtTheReferencesAndFollowsTheElasticities()
    {
        var demand = new DemandSection { ReferenceAccuracy = 0.9, AccuracyElasticity = 1, ReferencePrice = 0.01, PriceElasticity = 0.5 };
        Assert.Equal(1.0, DemandCurve.Factor(demand, 0.9, 0.01), 12);
        Assert.Equal(0.5, DemandCurve.Factor(demand, 0.45, 0.01), 12);   // half the accuracy, ε_acc = 1
        Assert.Equal(0.5, DemandCurve.Factor(demand, 0.9, 0.04), 12);    // 4× the price, ε_price = 0.5
        Assert.Equal(DemandCurve.MaxFactor, DemandCurve.Factor(demand, 0.9, 0));
    }
}
