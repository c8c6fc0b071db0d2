using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Experiments.Tests.Sensitivity;

public sealed class DesignTests
{
    [Fact]
    public void ALatinHypercubeHasOnePointInEveryStratumOfEveryCoordinate()
    {
        var rows = LatinHypercube.Sample(dimensions: 4, points: 50, seed: 3);

        for (var d = 0; d < 4; d++)
            Assert.Equal(Enumerable.Range(0, 50), rows.Select(r => (int)(r[d] * 50)).Order());
        Assert.Equal(rows, LatinHypercube.Sample(4, 50, 3)); // a function of its seed
        Assert.NotEqual(rows, LatinHypercube.Sample(4, 50, 4));
    }

    [Fact]
    public void SaltelliRowsAreABThenAWithOneColumnOfB()
    {
        var design = new SaltelliDesign(parameters: 3, baseSamples: 8);

        Assert.Equal(8 * 5, design.Rows.Count);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 8; j++)
            {
                double[] a = design.Rows[j], b = design.Rows[8 + j], mixed = design.Rows[(2 + i) * 8 + j];
                Assert.All(Enumerable.Range(0, 3), c => Assert.Equal(c == i ? b[c] : a[c], mixed[c]));
            }
    }

    [Fact]
    public void BadRangesAndMismatchedOutputsAreRefusedWithTheirReason()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ParameterRange.Check([new("a", 1, 1)])).Message);
        Assert.Contains("named twice", Assert.Throws<ArgumentException>(() => ParameterRange.Check([new("a", 0, 1), new("a", 0, 2)])).Message);
        var design = new SaltelliDesign(1, 4);
        Assert.Throws<ArgumentException>(() => SobolIndices.Analyze(design, [new("a", 0, 1)], new double[5]));
        Assert.Throws<ArgumentException>(() => SobolIndices.Analyze(design, [new("a", 0, 1)], [1, 2, double.NaN, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
        Assert.Throws<ArgumentException>(() => new SaltelliDesign(SobolSequence.MaxDimensions, 4));
    }

    [Fact]
    public void AConstantModelHasNoSensitivity()
    {
        var indices = SensitivityAnalysis.Sobol(_ => 4.2, [new("a", 0, 1), new("b", 0, 1)], baseSamples: 16, resamples: 10);

        Assert.All(indices, i => Assert.Equal((0.0, 0.0), (i.First, i.Total)));
    }
}
