using TokenEconSim.Domain.Simulation;
using TokenEconSim.Results.Sweeps;
using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Hosting;

namespace TokenEconSim.Studies.Sweeps;

/// <summary>Loads a sweep file for `sweep` and `tune` and checks what the scenario layer cannot: metric names.</summary>
public static class SweepInput
{
    public static SweepPlan Load(string path)
    {
        ScenarioInput.RequireFile(path, "sweep");
        // The loader says "not a sweep file" only when the file parses: a broken one gets its own errors.
        var result = SweepLoader.LoadFile(path);
        if (!result.Success) throw new BadInputException([.. result.Errors.Select(e => e.ToString())]);
        if (result.Plan.Objective is { } objective)
        {
            var names = MetricNames(result.Plan);
            var problems = objective.Terms.Where(t => !names.Contains(t.Metric))
                .Select(t => (t.At with { Message = $"sweep.objective: unknown metric '{t.Metric}'; {Hint(t.Metric, names)}" }).ToString())
                .ToList();
            if (problems.Count > 0) throw new BadInputException(problems);
        }
        if (result.Plan.Pareto is { } pareto)
        {
            var names = MetricNames(result.Plan);
            var problems = pareto.Objectives.Where(o => !names.Contains(o.Metric))
                .Select(o => (o.At with { Message = $"sweep.objectives: unknown metric '{o.Metric}'; {Hint(o.Metric, names)}" }).ToString())
                .ToList();
            if (problems.Count > 0) throw new BadInputException(problems);
        }
        return result.Plan;
    }

    /// <summary>
    /// The summary metrics of the sweep's runs: with the "incentives.*" ones when the base scenario's populations respond
    /// (docs/model.md §17), so a sweep of drawing populations keeps its columns.
    /// </summary>
    public static IReadOnlyList<string> MetricNames(SweepPlan plan) =>
        SummaryMetrics.For(plan.Base);

    /// <summary>--metric names: summary metrics, or "objective" when the sweep defines one.</summary>
    public static IReadOnlyList<string> Metrics(IReadOnlyList<string> asked, SweepPlan plan)
    {
        var names = MetricNames(plan);
        var known = names.Concat(plan.Objective is null ? [] : ["objective"]).ToList();
        var unknown = asked.Where(m => !known.Contains(m)).Select(m => $"--metric {m}: unknown metric; {Hint(m, known)}").ToList();
        if (unknown.Count > 0) throw new BadInputException(unknown);
        if (asked.Count > 0) return [.. asked.Distinct()];
        var main = SummaryMetrics.MainFor(BehaviourColumns.Group.IsEnabled(plan.Base));
        return [.. main, .. plan.Objective is null ? Array.Empty<string>() : ["objective"]];
    }

    private static string Hint(string metric, IReadOnlyList<string> known)
    {
        var close = known.Where(k => k.Contains(metric, StringComparison.OrdinalIgnoreCase)
            || metric.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        return close.Count > 0 ? $"did you mean '{close[0]}'? (metrics: {string.Join(", ", known)})" : $"metrics: {string.Join(", ", known)}";
    }
}
