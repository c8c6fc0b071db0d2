using TokenEconSim.Domain.Randomness;
using TokenEconSim.Experiments.Sensitivity;

namespace TokenEconSim.Experiments.Optimization;

/// <summary>One evaluated point of a search: its variables in the unit cube and its costs (every objective minimized).</summary>
public sealed record Candidate(double[] X, double[] Costs);

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic algorithm: NSGA-II", IEEE Trans.
/// Evolutionary Computation 6(2), 2002): fast non-dominated sorting, crowding distance, binary tournaments on (rank, crowding),
/// simulated binary crossover (Deb and Agrawal, Complex Systems 9, 1995) and polynomial mutation (Deb and Goyal, 1996), both in
/// the bounded form of Deb's reference implementation. Variables live in [0, 1] (a caller maps them onto its ranges); every
/// objective is a cost to minimize. Ask/tell: <see cref="Initial"/> and <see cref="Offspring"/> give points to evaluate, and
/// <see cref="Survivors"/> keeps the best of parents and children, so the caller may evaluate a generation however it likes.
/// The search is a pure function of its seed and of the costs it is told.
/// Written here: no well-kept .NET library offers NSGA-II (MathNet's optimizers take one objective), and the search must draw
/// from the project's seeded streams so that a tune is reproducible.
/// </summary>
public sealed class Nsga2
{
    private readonly Xoshiro256StarStar _rng;
    private readonly ulong _seed;

    /// <param name="crossoverEta">SBX distribution index: larger keeps children nearer their parents.</param>
    /// <param name="mutationEta">Polynomial mutation's distribution index.</param>
    /// <param name="mutationProbability">Per variable; default 1/n, Deb et al.'s choice.</param>
    public Nsga2(int variables, int population, ulong seed, double crossoverProbability = 0.9, double crossoverEta = 15,
        double mutationEta = 20, double? mutationProbability = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variables, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 4);
        Variables = variables;
        Population = population;
        _seed = seed;
        // The operators draw from their own stream, apart from the initial design's.
        _rng = new Xoshiro256StarStar(seed ^ 0x9E3779B97F4A7C15UL);
        CrossoverProbability = crossoverProbability;
        CrossoverEta = crossoverEta;
        MutationEta = mutationEta;
        MutationProbability = mutationProbability ?? 1.0 / variables;
    }

    public int Variables { get; }
    public int Population { get; }
    public double CrossoverProbability { get; }
    public double CrossoverEta { get; }
    public double MutationEta { get; }
    public double MutationProbability { get; }

    /// <summary>The first generation: a Latin hypercube of <see cref="Population"/> points, spread over every variable's range.</summary>
    public double[][] Initial() => LatinHypercube.Sample(Variables, Population, _seed);

    /// <summary>
    /// <paramref name="count"/> children of <paramref name="parents"/>: pairs chosen by binary tournament on (rank, crowding), crossed
    /// by SBX with probability <see cref="CrossoverProbability"/>, then mutated.
    /// </summary>
    public double[][] Offspring(IReadOnlyList<Candidate> parents, int count)
    {
        var costs = parents.Select(p => p.Costs).ToList();
        var ranks = Ranks(costs);
        var crowding = Crowding(costs, ranks);
        int Tournament()
        {
            int a = _rng.Next(parents.Count), b = _rng.Next(parents.Count);
            if (ranks[a] != ranks[b]) return ranks[a] < ranks[b] ? a : b;
            if (crowding[a] != crowding[b]) return crowding[a] > crowding[b] ? a : b;
            return _rng.NextDouble() < 0.5 ? a : b;
        }
        var children = new List<double[]>(count + 1);
        while (children.Count < count)
        {
            var (c1, c2) = Crossover(parents[Tournament()].X, parents[Tournament()].X);
            Mutate(c1);
            Mutate(c2);
            children.Add(c1);
            if (children.Count < count) children.Add(c2);
        }
        return [.. children];
    }

    /// <summary>
    /// Elitist replacement: the indices of the <paramref name="count"/> best of <paramref name="combined"/> (parents and children),
    /// whole fronts in rank order, the last front cut by descending crowding distance.
    /// </summary>
    public static int[] Survivors(IReadOnlyList<double[]> combined, int count)
    {
        var ranks = Ranks(combined);
        var crowding = Crowding(combined, ranks);
        return [.. Enumerable.Range(0, combined.Count).OrderBy(i => ranks[i]).ThenByDescending(i => crowding[i]).ThenBy(i => i).Take(count)];
    }

    /// <summary>Runs a whole search on a function evaluated one point at a time; returns the last population.</summary>
    public IReadOnlyList<Candidate> Minimize(Func<double[], double[]> costs, int generations)
    {
        var population = Initial().Select(x => new Candidate(x, costs(x))).ToList();
        for (var g = 0; g < generations; g++)
        {
            var children = Offspring(population, Population).Select(x => new Candidate(x, costs(x)));
            var combined = population.Concat(children).ToList();
            population = [.. Survivors([.. combined.Select(c => c.Costs)], Population).Select(i => combined[i])];
        }
        return population;
    }

    /// <summary>a dominates b: no worse in every cost and better in one. NaN counts as worst.</summary>
    public static bool Dominates(double[] a, double[] b)
    {
        var better = false;
        for (var m = 0; m < a.Length; m++)
        {
            double x = Worst(a[m]), y = Worst(b[m]);
            if (x > y) return false;
            if (x < y) better = true;
        }
        return better;
    }

    /// <summary>Fast non-dominated sort (Deb et al. 2002, §III-A): each point's front, 1 for the non-dominated ones.</summary>
    public static int[] Ranks(IReadOnlyList<double[]> costs)
    {
        var n = costs.Count;
        var dominated = new List<int>[n];
        var dominators = new int[n];
        var ranks = new int[n];
        var front = new List<int>();
        for (var p = 0; p < n; p++)
        {
            dominated[p] = [];
            for (var q = 0; q < n; q++)
            {
                if (Dominates(costs[p], costs[q])) dominated[p].Add(q);
                else if (Dominates(costs[q], costs[p])) dominators[p]++;
            }
            if (dominators[p] == 0)
            {
                ranks[p] = 1;
                front.Add(p);
            }
        }
        for (var rank = 2; front.Count > 0; rank++)
        {
            var next = new List<int>();
            foreach (var p in front)
                foreach (var q in dominated[p])
                    if (--dominators[q] == 0)
                    {
                        ranks[q] = rank;
                        next.Add(q);
                    }
            front = next;
        }
        return ranks;
    }

    /// <summary>
    /// Crowding distance within each front (Deb et al. 2002, §III-B): the sum over objectives of the gap between a point's two
    /// neighbours, normalized by the front's range; a front's extremes are infinitely far, so they always survive.
    /// </summary>
    public static double[] Crowding(IReadOnlyList<double[]> costs, int[] ranks)
    {
        var distance = new double[costs.Count];
        if (costs.Count == 0) return distance;
        var objectives = costs[0].Length;
        foreach (var front in Enumerable.Range(0, costs.Count).GroupBy(i => ranks[i]))
        {
            var members = front.ToList();
            for (var m = 0; m < objectives; m++)
            {
                var sorted = members.OrderBy(i => Worst(costs[i][m])).ThenBy(i => i).ToList();
                double low = Worst(costs[sorted[0]][m]), high = Worst(costs[sorted[^1]][m]);
                distance[sorted[0]] = distance[sorted[^1]] = double.PositiveInfinity;
                var span = high - low;
                if (!(span > 0) || !double.IsFinite(span)) continue;
                for (var k = 1; k < sorted.Count - 1; k++)
                    distance[sorted[k]] += (Worst(costs[sorted[k + 1]][m]) - Worst(costs[sorted[k - 1]][m])) / span;
            }
        }
        return distance;
    }

    private (double[], double[]) Crossover(double[] a, double[] b)
    {
        double[] c1 = [.. a], c2 = [.. b];
        if (_rng.NextDouble() > CrossoverProbability) return (c1, c2);
        for (var i = 0; i < Variables; i++)
        {
            if (_rng.NextDouble() > 0.5 || Math.Abs(a[i] - b[i]) <= 1e-14) continue;
            double y1 = Math.Min(a[i], b[i]), y2 = Math.Max(a[i], b[i]);
            var u = _rng.NextDouble();
            var lower = 0.5 * (y1 + y2 - Spread(u, 1 + 2 * y1 / (y2 - y1)) * (y2 - y1));
            var upper = 0.5 * (y1 + y2 + Spread(u, 1 + 2 * (1 - y2) / (y2 - y1)) * (y2 - y1));
            lower = Math.Clamp(lower, 0, 1);
            upper = Math.Clamp(upper, 0, 1);
            (c1[i], c2[i]) = _rng.NextDouble() < 0.5 ? (upper, lower) : (lower, upper);
        }
        return (c1, c2);
    }

    /// <summary>SBX's spread factor βq for a uniform u, bounded so a child stays in [0, 1] (β: the distance to the bound).</summary>
    private double Spread(double u, double beta)
    {
        var alpha = 2 - Math.Pow(beta, -(CrossoverEta + 1));
        return u <= 1 / alpha
            ? Math.Pow(u * alpha, 1 / (CrossoverEta + 1))
            : Math.Pow(1 / (2 - u * alpha), 1 / (CrossoverEta + 1));
    }

    private void Mutate(double[] x)
    {
        for (var i = 0; i < Variables; i++)
        {
            if (_rng.NextDouble() > MutationProbability) continue;
            var y = x[i];
            var u = _rng.NextDouble();
            var power = 1 / (MutationEta + 1);
            double delta;
            if (u < 0.5)
            {
                var value = 2 * u + (1 - 2 * u) * Math.Pow(1 - y, MutationEta + 1);
                delta = Math.Pow(value, power) - 1;
            }
            else
            {
                var value = 2 * (1 - u) + 2 * (u - 0.5) * Math.Pow(y, MutationEta + 1);
                delta = 1 - Math.Pow(value, power);
            }
            x[i] = Math.Clamp(y + delta, 0, 1);
        }
    }

    private static double Worst(double x) => double.IsNaN(x) ? double.PositiveInfinity : x;
}
