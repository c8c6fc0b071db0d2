using TokenEconSim.Domain.Numerics;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Numerics;

public class GiniExtraTests
{
    // The closed form must equal the definition G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) on arbitrary data.
    [Fact]
    public void ClosedFormEqualsTheMeanAbsoluteDifferenceDefinition()
    {
        var rng = new Xoshiro256StarStar(12);
        var xs = Enumerable.Range(0, 300).Select(_ => rng.NextInt64(1_000_000_000)).ToArray();
        double pairs = 0;
        foreach (var a in xs) foreach (var b in xs) pairs += Math.Abs(a - b);
        var n = xs.Length;
        var definition = pairs / (2.0 * n * n * xs.Average());
        Assert.Equal(definition, Gini.OfInPlace((long[])xs.Clone()), 10);
        Assert.Equal(definition, Gini.Of(xs.Select(x => (double)x)), 10);
    }

    [Fact]
    public void InvariantToOrderAndScale()
    {
        long[] xs = [7, 0, 3, 3, 12, 90];
        var g = Gini.OfInPlace((long[])xs.Clone());
        Assert.Equal(g, Gini.OfInPlace([.. xs.Reverse()]));
        Assert.Equal(g, Gini.OfInPlace([.. xs.Select(x => x * 1_000_000)]), 12);
    }

    [Fact]
    public void OfInPlaceSortsItsArgument()
    {
        long[] xs = [5, 1, 3];
        Gini.OfInPlace(xs);
        Assert.Equal([1L, 3, 5], xs);
    }

    [Fact]
    public void NegativeAmountsAndEmptyInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Gini.OfInPlace([3, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gini.Of([3.0, -1]));
        Assert.Equal(0, Gini.OfInPlace([]));
        Assert.Equal(0, Gini.Of([]));
    }
}
