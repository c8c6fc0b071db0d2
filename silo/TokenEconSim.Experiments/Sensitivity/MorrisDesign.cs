using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>
/// Morris's one-at-a-time trajectories (Morris, "Factorial sampling plans for preliminary computational experiments",
/// Technometrics 33, 1991), on a grid of p levels {0, 1/(p−1), …, 1} with step Δ = p / (2(p − 1)). Each of the r trajectories
/// starts at a random grid point and moves every parameter once, in a random order, by +Δ or −Δ (Campolongo, Cariboni and
/// Saltelli 2007, eq. 3: the base value x* is drawn from {0, …, 1 − Δ} and the move goes from x* to x* + Δ or back), so it has
/// k + 1 points. The model is evaluated on <see cref="Rows"/>, trajectory after trajectory.
/// </summary>
public sealed class MorrisDesign
{
    private readonly int[] _moved;
    private readonly double[] _step;

    public MorrisDesign(int parameters, int trajectories, int levels, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "an even number of levels, at least 2");
        Parameters = parameters;
        Trajectories = trajectories;
        Delta = levels / (2.0 * (levels - 1));
        var rng = new Xoshiro256StarStar(seed);
        var rows = new List<double[]>(trajectories * (parameters + 1));
        _moved = new int[trajectories * parameters];
        _step = new double[trajectories * parameters];
        for (var t = 0; t < trajectories; t++)
        {
            var order = Enumerable.Range(0, parameters).ToArray();
            for (var p = parameters - 1; p > 0; p--)
            {
                var j = rng.Next(p + 1);
                (order[p], order[j]) = (order[j], order[p]);
            }
            var point = new double[parameters];
            var up = new bool[parameters];
            for (var i = 0; i < parameters; i++)
            {
                var baseValue = rng.Next(levels / 2) / (double)(levels - 1); // x* ∈ {0, …, 1 − Δ}
                up[i] = rng.Next(2) == 1;
                point[i] = up[i] ? baseValue : baseValue + Delta;
            }
            rows.Add((double[])point.Clone());
            for (var s = 0; s < parameters; s++)
            {
                var i = order[s];
                point[i] += up[i] ? Delta : -Delta;
                rows.Add((double[])point.Clone());
                _moved[t * parameters + s] = i;
                _step[t * parameters + s] = up[i] ? Delta : -Delta;
            }
        }
        Rows = rows;
    }

    public int Parameters { get; }

    public int Trajectories { get; }

    /// <summary>Δ, the step in the unit cube.</summary>
    public double Delta { get; }

    /// <summary>r·(k + 1) points in [0, 1]^k.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>The parameter moved by step <paramref name="step"/> of trajectory <paramref name="trajectory"/>, and the move (±Δ).</summary>
    public (int Parameter, double Move) StepOf(int trajectory, int step) =>
        (_moved[trajectory * Parameters + step], _step[trajectory * Parameters + step]);
}
