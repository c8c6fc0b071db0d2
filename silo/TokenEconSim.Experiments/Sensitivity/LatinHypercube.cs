using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover, Technometrics 21, 1979): n points in [0, 1)^k, each coordinate's n
/// values one in each of the n equal strata, at a uniform place within it, the strata shuffled independently per coordinate.
/// </summary>
public static class LatinHypercube
{
    public static double[][] Sample(int dimensions, int points, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        var rng = new Xoshiro256StarStar(seed);
        var rows = new double[points][];
        for (var p = 0; p < points; p++) rows[p] = new double[dimensions];
        var strata = new int[points];
        for (var d = 0; d < dimensions; d++)
        {
            for (var p = 0; p < points; p++) strata[p] = p;
            // Fisher–Yates, from the seeded stream, so a design is a function of its seed.
            for (var p = points - 1; p > 0; p--)
            {
                var j = rng.Next(p + 1);
                (strata[p], strata[j]) = (strata[j], strata[p]);
            }
            for (var p = 0; p < points; p++) rows[p][d] = (strata[p] + rng.NextDouble()) / points;
        }
        return rows;
    }
}
