namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>A numeric parameter varied uniformly over [<paramref name="Low"/>, <paramref name="High"/>].</summary>
public sealed record ParameterRange(string Name, double Low, double High)
{
    /// <summary>The value at <paramref name="unit"/> ∈ [0, 1] of the range.</summary>
    public double At(double unit) => Low + unit * (High - Low);

    /// <summary>Throws when the ranges cannot define a design: none, a repeated name, a bound not finite, low ≥ high.</summary>
    public static void Check(IReadOnlyList<ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0) throw new ArgumentException("no parameter to vary");
        foreach (var r in ranges)
            if (!double.IsFinite(r.Low) || !double.IsFinite(r.High) || r.Low >= r.High)
                throw new ArgumentException($"{r.Name}: the range [{r.Low}, {r.High}] is empty or not finite");
        var repeated = ranges.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"{repeated.Key} is named twice");
    }

    /// <summary>Each unit-cube row of <paramref name="unitRows"/> mapped onto the ranges.</summary>
    public static double[][] Scale(IReadOnlyList<ParameterRange> ranges, IEnumerable<double[]> unitRows) =>
        [.. unitRows.Select(row => row.Select((u, i) => ranges[i].At(u)).ToArray())];
}
