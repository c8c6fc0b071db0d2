using System.Globalization;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>What a Pareto objective wants of its metric: as large as possible, as small as possible, or as near a target.</summary>
public enum ParetoGoal
{
    Maximize,
    Minimize,
    Target,
}

/// <summary>
/// One objective of a Pareto search (<c>sweep.objectives[i]</c>): a summary metric and its goal. <see cref="At"/> is where the
/// metric name is written, for error messages.
/// </summary>
public sealed record ParetoObjective(string Metric, ParetoGoal Goal, double? Target, ScenarioError At)
{
    /// <summary>
    /// The cost a minimizer ranks a point by, from the 95 % interval of the metric's mean over seeds: the interval's worse end
    /// (the low end of a maximized metric, the high end of a minimized one, the end farther from a target), so a point whose
    /// mean is good by luck of few noisy seeds does not win. An undefined interval is the worst possible cost.
    /// </summary>
    public double Cost(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high)) return double.PositiveInfinity;
        return Goal switch
        {
            ParetoGoal.Maximize => -low,
            ParetoGoal.Minimize => high,
            _ => Math.Max(Math.Abs(low - Target!.Value), Math.Abs(high - Target!.Value)),
        };
    }

    /// <summary>The goal's name in a sweep file: maximize, minimize or target.</summary>
    public string GoalKey => Goal.ToString().ToLowerInvariant();

    /// <summary>For axis labels and messages, e.g. "final_gini ↓ (minimize)" or "mean_inflation → 0.01".</summary>
    public string Describe() => Goal switch
    {
        ParetoGoal.Maximize => $"{Metric} ↑ (maximize)",
        ParetoGoal.Minimize => $"{Metric} ↓ (minimize)",
        _ => $"{Metric} → {Target!.Value.ToString("R", CultureInfo.InvariantCulture)} (target)",
    };
}

/// <summary>
/// A multi-objective search (mode pareto, run by `silo tune`): NSGA-II over numeric keys within their bounds, each point run
/// with every seed, <see cref="Evaluations"/> points at most in generations of <see cref="Population"/>.
/// </summary>
public sealed record ParetoSearch(IReadOnlyList<DesignParameter> Parameters, IReadOnlyList<ParetoObjective> Objectives, int Population,
    int Evaluations, ulong Seed)
{
    public const int MinPopulation = 4;

    /// <summary>For `validate`, e.g. "pareto over 3 parameters, 3 objectives, population 12, 96 evaluations, seed 1".</summary>
    public string Describe() =>
        $"pareto over {Parameters.Count} parameter{(Parameters.Count == 1 ? "" : "s")}, {Objectives.Count} objectives, population "
        + $"{Population}, {Evaluations} evaluations, seed {Seed}";
}
