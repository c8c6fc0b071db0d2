using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Experiments.Tests.Sensitivity;

/// <summary>
/// The Ishigami function (Ishigami and Homma 1990), f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³ with a = 7, b = 0.1, whose
/// Sobol indices are known in closed form (Sobol' and Levitan 1999): V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½, V₁ = ½(1 + bπ⁴/5)²,
/// V₂ = a²/8, V₃ = 0, V₁₃ = b²π⁸(1/18 − 1/50), so S_T1 = (V₁ + V₁₃)/V, S_T2 = S₂, S_T3 = V₁₃/V.
/// </summary>
public sealed class IshigamiTests
{
    private const double A = 7, B = 0.1;

    private static readonly ParameterRange[] Ranges =
        [new("x1", -Math.PI, Math.PI), new("x2", -Math.PI, Math.PI), new("x3", -Math.PI, Math.PI)];

    private static double Ishigami(double[] x) =>
        Math.Sin(x[0]) + A * Math.Pow(Math.Sin(x[1]), 2) + B * Math.Pow(x[2], 4) * Math.Sin(x[0]);

    private static readonly double Pi4 = Math.Pow(Math.PI, 4), Pi8 = Math.Pow(Math.PI, 8);
    private static readonly double V = A * A / 8 + B * Pi4 / 5 + B * B * Pi8 / 18 + 0.5;
    private static readonly double V1 = 0.5 * Math.Pow(1 + B * Pi4 / 5, 2), V2 = A * A / 8, V13 = B * B * Pi8 * (1.0 / 18 - 1.0 / 50);

    [Theory]
    [InlineData(1 << 13)] // within 0.01 at N = 2^13 (measured: 0.0010 at most), the ±0.02 asked of an estimator there
    [InlineData(1 << 14)]
    public void SobolIndicesMatchTheAnalyticValues(int baseSamples)
    {
        var indices = SensitivityAnalysis.Sobol(Ishigami, Ranges, baseSamples);

        double[] first = [V1 / V, V2 / V, 0], total = [(V1 + V13) / V, V2 / V, V13 / V];
        Assert.Equal(0.3139, first[0], 4); // the closed form itself, against the values every reference quotes
        Assert.Equal(0.2437, total[2], 4);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("x" + (i + 1), indices[i].Name);
            Assert.True(Math.Abs(indices[i].First - first[i]) < 0.01, $"S{i + 1} = {indices[i].First}, analytic {first[i]}");
            Assert.True(Math.Abs(indices[i].Total - total[i]) < 0.01, $"ST{i + 1} = {indices[i].Total}, analytic {total[i]}");
            Assert.InRange(indices[i].FirstHalfWidth, 1e-4, 0.05);
            Assert.InRange(indices[i].TotalHalfWidth, 1e-4, 0.05);
        }
    }

    [Fact]
    public void IntervalsNarrowAsTheBaseSampleGrows()
    {
        var small = SensitivityAnalysis.Sobol(Ishigami, Ranges, baseSamples: 1 << 8);
        var large = SensitivityAnalysis.Sobol(Ishigami, Ranges, baseSamples: 1 << 13);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(large[i].FirstHalfWidth < small[i].FirstHalfWidth / 2, $"S{i + 1}: {small[i].FirstHalfWidth} → {large[i].FirstHalfWidth}");
            Assert.True(large[i].TotalHalfWidth < small[i].TotalHalfWidth / 2, $"ST{i + 1}: {small[i].TotalHalfWidth} → {large[i].TotalHalfWidth}");
        }
    }

    [Fact]
    public void MorrisRanksX3AboveZeroByInteractionAndScreensItsMeanEffect()
    {
        // x₃ acts only through x₃⁴ sin x₁: its mean effect μ is near zero while μ* and σ are not; x₂'s effect a sin² x₂ is even
        // in x₂, so its μ is near zero too, with a large μ*.
        var effects = SensitivityAnalysis.Morris(Ishigami, Ranges, trajectories: 400);

        Assert.All(effects, e => Assert.True(e.MuStar > 1, $"{e.Name}: μ* = {e.MuStar}"));
        Assert.True(effects[2].Sigma > effects[2].MuStar / 2, "x3 acts through its interaction with x1");
        Assert.True(Math.Abs(effects[1].Mu) < effects[1].MuStar / 4, $"x2: μ = {effects[1].Mu}, μ* = {effects[1].MuStar}");
        Assert.True(Math.Abs(effects[2].Mu) < effects[2].MuStar / 4, $"x3: μ = {effects[2].Mu}, μ* = {effects[2].MuStar}");
    }
}
