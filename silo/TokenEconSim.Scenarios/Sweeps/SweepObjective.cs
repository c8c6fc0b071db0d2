using System.Globalization;

namespace TokenEconSim.Scenarios.Sweeps;

/// <summary>Whether a tune looks for the largest or the smallest objective.</summary>
public enum ObjectiveGoal
{
    Maximize,
    Minimize,
}

/// <summary>
/// One term of an objective: <c>weight · metric</c>, or <c>weight · |metric − target|</c> when a
/// target is given. <see cref="At"/> is where the metric name is written, for error messages.
/// </summary>
public sealed record ObjectiveTerm(string Metric, double Weight, double? Target, ScenarioError At);

/// <summary>
/// A sweep's objective (<c>sweep.objective</c>): a weighted sum of summary metrics, e.g.
/// final_accuracy − 0.5·final_gini − 2·|mean_inflation − 0.001|, to maximize or minimize.
/// Metric names are checked by the host against the summary's metrics (this layer does not know them).
/// </summary>
public sealed record SweepObjective(ObjectiveGoal Goal, IReadOnlyList<ObjectiveTerm> Terms)
{
    /// <summary>The objective of one run; NaN when a metric it uses is undefined (null in summary.json).</summary>
    public double Evaluate(Func<string, double> metric)
    {
        var sum = 0.0;
        foreach (var t in Terms)
        {
            var x = metric(t.Metric);
            sum += t.Weight * (t.Target is { } target ? Math.Abs(x - target) : x);
        }
        return sum;
    }

    /// <summary>+1 to maximize, −1 to minimize: a minimizer works on −sign·value.</summary>
    public double Sign => Goal == ObjectiveGoal.Maximize ? 1 : -1;

    /// <summary>Readable form, e.g. "maximize final_accuracy − 0.5·final_gini − 2·|mean_inflation − 0.001|".</summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder(Goal == ObjectiveGoal.Maximize ? "maximize " : "minimize ");
        for (var i = 0; i < Terms.Count; i++)
        {
            var t = Terms[i];
            var magnitude = Math.Abs(t.Weight);
            if (i == 0) text.Append(t.Weight < 0 ? "−" : "");
            else text.Append(t.Weight < 0 ? " − " : " + ");
            if (magnitude != 1) text.Append(F(magnitude)).Append('·');
            text.Append(t.Target is { } target ? $"|{t.Metric} − {F(target)}|" : t.Metric);
        }
        return text.ToString();
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
