using System.Globalization;
using System.Text;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>
/// A sweep plan → YAML: the resolved base scenario (every key, <see cref="ScenarioWriter"/>) and a
/// `sweep:` section with every list written out (ranges expanded, seeds listed). Loading the text
/// as a sweep file gives the same runs, so a sweep folder's sweep.yaml repeats the sweep.
/// </summary>
public static class SweepWriter
{
    public static string ToYaml(SweepPlan plan, string? headerComment = null)
    {
        var sb = new StringBuilder(ScenarioWriter.ToYaml(plan.Base, headerComment));
        sb.Append("\nsweep:\n");
        sb.Append("  mode: ").Append(plan.Mode.Key()).Append('\n');
        if (plan.Design is { } design) AppendDesign(sb, design);
        else if (plan.Pareto is { } pareto) AppendPareto(sb, pareto);
        else if (plan.ParameterValues.Count > 0)
        {
            sb.Append("  parameters:\n");
            foreach (var p in plan.ParameterValues)
                sb.Append("    ").Append(p.Key).Append(": [").Append(string.Join(", ", p.Values.Select(Scalar))).Append("]\n");
        }
        if (plan.SimplexStep is { } step)
            sb.Append("  simplex:\n    step: ").Append(step.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  seeds: [").Append(string.Join(", ", plan.Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)))).Append("]\n");
        if (plan.Objective is { } objective)
        {
            sb.Append("  objective:\n    goal: ").Append(objective.Goal == ObjectiveGoal.Maximize ? "maximize" : "minimize").Append("\n    terms:\n");
            foreach (var t in objective.Terms)
            {
                sb.Append("      - metric: ").Append(t.Metric).Append('\n');
                sb.Append("        weight: ").Append(R(t.Weight)).Append('\n');
                if (t.Target is { } target) sb.Append("        target: ").Append(R(target)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>A design is written as it was given (ranges, samples, levels, seed): it expands to the same points again.</summary>
    private static void AppendDesign(StringBuilder sb, SweepDesign design)
    {
        sb.Append("  parameters:\n");
        foreach (var p in design.Parameters)
            sb.Append("    ").Append(p.Range.Name).Append(": {low: ").Append(R(p.Range.Low)).Append(", high: ").Append(R(p.Range.High)).Append("}\n");
        sb.Append("  samples: ").Append(design.Samples.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (design.Mode == SweepMode.Morris) sb.Append("  levels: ").Append(design.Levels.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (design.Mode != SweepMode.Sobol) sb.Append("  design_seed: ").Append(design.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static void AppendPareto(StringBuilder sb, ParetoSearch pareto)
    {
        sb.Append("  parameters:\n");
        foreach (var p in pareto.Parameters)
            sb.Append("    ").Append(p.Range.Name).Append(": {low: ").Append(R(p.Range.Low)).Append(", high: ").Append(R(p.Range.High)).Append("}\n");
        sb.Append("  objectives:\n");
        foreach (var o in pareto.Objectives)
        {
            sb.Append("    - {metric: ").Append(o.Metric).Append(", goal: ").Append(o.GoalKey);
            if (o.Target is { } target) sb.Append(", target: ").Append(R(target));
            sb.Append("}\n");
        }
        sb.Append("  population: ").Append(pareto.Population.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  evaluations: ").Append(pareto.Evaluations.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  design_seed: ").Append(pareto.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>Numbers plain; anything else double-quoted (as the resolved scenario writes strings), so no value is misread as YAML.</summary>
    private static string Scalar(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
