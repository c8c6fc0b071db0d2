using TokenEconSim.Results.Sweeps;
using TokenEconSim.Scenarios.Sweeps;
using TokenEconSim.Silo.Cli;

namespace TokenEconSim.Silo.Sweeps;

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
            var problems = objective.Terms.Where(t => !SummaryMetrics.Names.Contains(t.Metric))
                .Select(t => (t.At with { Message = $"sweep.objective: unknown metric '{t.Metric}'; {Hint(t.Metric)}" }).ToString())
                .ToList();
            if (problems.Count > 0) throw new BadInputException(problems);
        }
        return result.Plan;
    }

    /// <summary>--metric names: summary metrics, or "objective" when the sweep defines one.</summary>
    public static IReadOnlyList<string> Metrics(IReadOnlyList<string> asked, SweepObjective? objective)
    {
        var known = SummaryMetrics.Names.Concat(objective is null ? [] : ["objective"]).ToList();
        var unknown = asked.Where(m => !known.Contains(m)).Select(m => $"--metric {m}: unknown metric; {Hint(m, objective != null)}").ToList();
        if (unknown.Count > 0) throw new BadInputException(unknown);
        if (asked.Count > 0) return [.. asked.Distinct()];
        return [.. SummaryMetrics.Main, .. objective is null ? Array.Empty<string>() : ["objective"]];
    }

    private static string Hint(string metric, bool objective = false)
    {
        var known = SummaryMetrics.Names.Concat(objective ? ["objective"] : []).ToList();
        var close = known.Where(k => k.Contains(metric, StringComparison.OrdinalIgnoreCase)
            || metric.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        return close.Count > 0 ? $"did you mean '{close[0]}'? (metrics: {string.Join(", ", known)})" : $"metrics: {string.Join(", ", known)}";
    }
}
