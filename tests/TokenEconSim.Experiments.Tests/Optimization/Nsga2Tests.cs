using TokenEconSim.Experiments.Optimization;

namespace TokenEconSim.Experiments.Tests.Optimization;

/// <summary>
/// NSGA-II on Zitzler, Deb and Thiele's test problems ZDT1 (convex front) and ZDT2 (concave front) (Evolutionary Computation 8(2),
/// 2000), 30 variables: the analytic Pareto fronts are f₂ = 1 − √f₁ and f₂ = 1 − f₁², f₁ ∈ [0, 1], reached at g = 1 (x₂…x₃₀ = 0).
/// The settings are Deb et al.'s (population 100, 250 generations, SBX η 15 here, mutation η 20, p 1/n).
/// </summary>
public sealed class Nsga2Tests(ITestOutputHelper output)
{
    private const int Variables = 30;

    private static double G(double[] x) => 1 + 9 * x.Skip(1).Sum() / (x.Length - 1);

    private static double[] Zdt1(double[] x) => [x[0], G(x) * (1 - Math.Sqrt(x[0] / G(x)))];

    private static double[] Zdt2(double[] x) => [x[0], G(x) * (1 - Math.Pow(x[0] / G(x), 2))];

    [Fact]
    public void OnZdt1TheFrontConvergesToTheConvexAnalyticFrontAndCoversIt() =>
        AssertConverges(Zdt1, f1 => 1 - Math.Sqrt(f1), "ZDT1");

    [Fact]
    public void OnZdt2TheFrontConvergesToTheConcaveAnalyticFrontAndCoversIt() =>
        AssertConverges(Zdt2, f1 => 1 - f1 * f1, "ZDT2");

    private void AssertConverges(Func<double[], double[]> problem, Func<double, double> front, string name)
    {
        var last = new Nsga2(Variables, population: 100, seed: 11).Minimize(problem, generations: 250);

        var ranks = Nsga2.Ranks([.. last.Select(c => c.Costs)]);
        var members = last.Where((_, i) => ranks[i] == 1).Select(c => c.Costs).OrderBy(f => f[0]).ToList();
        // Generational distance (Van Veldhuizen and Lamont 1998): the mean distance of the found front to the analytic one,
        // measured against 10 001 points of the curve.
        var curve = Enumerable.Range(0, 10_001).Select(i => (X: i / 10_000.0, Y: front(i / 10_000.0))).ToArray();
        var gd = members.Average(f => curve.Min(c => Math.Sqrt(Math.Pow(f[0] - c.X, 2) + Math.Pow(f[1] - c.Y, 2))));
        var gap = members.Zip(members.Skip(1), (a, b) => b[0] - a[0]).Max();
        output.WriteLine($"{name}: {members.Count} on the front, GD {gd:G3}, f1 from {members[0][0]:G3} to {members[^1][0]:G3}, "
            + $"largest gap in f1 {gap:G3}");

        Assert.True(members.Count >= 50, $"{members.Count} non-dominated points");
        Assert.True(gd < 0.01, $"generational distance {gd}");
        Assert.True(members[0][0] < 0.02 && members[^1][0] > 0.98, $"f1 covers [{members[0][0]}, {members[^1][0]}]");
        Assert.True(gap < 0.1, $"largest gap along f1 {gap}");
    }

    [Fact]
    public void RanksAndCrowdingMatchAHandWorkedExample()
    {
        // (1,4), (2,2), (4,1) are mutually non-dominated; (3,3) is dominated by (2,2) only; (5,5) by all.
        double[][] costs = [[1, 4], [2, 2], [4, 1], [3, 3], [5, 5]];
        Assert.Equal([1, 1, 1, 2, 3], Nsga2.Ranks(costs));
        var crowding = Nsga2.Crowding(costs, Nsga2.Ranks(costs));
        Assert.True(double.IsPositiveInfinity(crowding[0]) && double.IsPositiveInfinity(crowding[2]));
        // The middle point: (4 − 1)/(4 − 1) in f1 plus (4 − 1)/(4 − 1) in f2.
        Assert.Equal(2, crowding[1], 12);
        Assert.Equal([0, 1, 2], Nsga2.Survivors(costs, 3).Order());
        // Cutting the first front keeps its extremes.
        Assert.Equal([0, 2], Nsga2.Survivors(costs, 2).Order());
    }

    [Fact]
    public void TheSearchIsAPureFunctionOfItsSeed()
    {
        var a = new Nsga2(5, 12, seed: 3).Minimize(x => Zdt1([.. x, .. new double[25]]), 10);
        var b = new Nsga2(5, 12, seed: 3).Minimize(x => Zdt1([.. x, .. new double[25]]), 10);
        Assert.Equal(a.SelectMany(c => c.X), b.SelectMany(c => c.X));
    }
}
