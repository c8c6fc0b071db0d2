namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>
/// Saltelli's scheme for Sobol indices (Saltelli 2002; Saltelli et al., "Variance based sensitivity analysis of model output",
/// Comput. Phys. Commun. 181, 2010, §3): two N × k matrices A and B from one 2k-dimensional Sobol' sequence (A the first k
/// coordinates, B the last k), and for each parameter i the matrix A_B^(i), A with column i taken from B. The model is evaluated
/// on N·(k + 2) rows, in the order of <see cref="Rows"/>: A, B, A_B^(1), …, A_B^(k).
/// </summary>
public sealed class SaltelliDesign
{
    public SaltelliDesign(int parameters, int baseSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        if (2 * parameters > SobolSequence.MaxDimensions)
            throw new ArgumentException($"a Sobol design covers at most {SobolSequence.MaxDimensions / 2} parameters, got {parameters}");
        Parameters = parameters;
        BaseSamples = baseSamples;
        var sequence = new SobolSequence(2 * parameters);
        var point = new double[2 * parameters];
        var a = new double[baseSamples][];
        var b = new double[baseSamples][];
        for (var j = 0; j < baseSamples; j++)
        {
            sequence.Next(point);
            a[j] = point[..parameters];
            b[j] = point[parameters..];
        }
        var rows = new List<double[]>(baseSamples * (parameters + 2));
        rows.AddRange(a);
        rows.AddRange(b);
        for (var i = 0; i < parameters; i++)
            for (var j = 0; j < baseSamples; j++)
            {
                var mixed = (double[])a[j].Clone();
                mixed[i] = b[j][i];
                rows.Add(mixed);
            }
        Rows = rows;
    }

    /// <summary>k, the parameters varied.</summary>
    public int Parameters { get; }

    /// <summary>N, the rows of A and of B. A power of two keeps the Sobol' points balanced.</summary>
    public int BaseSamples { get; }

    /// <summary>The N·(k + 2) points in [0, 1)^k to evaluate, A, B, then each A_B^(i).</summary>
    public IReadOnlyList<double[]> Rows { get; }
}
