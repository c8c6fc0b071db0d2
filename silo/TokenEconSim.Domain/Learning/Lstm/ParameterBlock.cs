using MathNet.Numerics.LinearAlgebra.Double;

namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// One trainable tensor (a weight matrix, a bias or the head) with its gradient and Adam moments.
/// The MathNet matrices are bound to the raw arrays (no copy), so the optimiser and the state
/// export work on flat arrays while the layers use matrix products.
/// </summary>
internal sealed class ParameterBlock
{
    public ParameterBlock(string name, int rows, int columns)
    {
        Name = name;
        Value = new double[rows * columns];
        Gradient = new double[rows * columns];
        FirstMoment = new double[rows * columns];
        SecondMoment = new double[rows * columns];
        Matrix = new DenseMatrix(rows, columns, Value);
        GradientMatrix = new DenseMatrix(rows, columns, Gradient);
    }

    public string Name { get; }
    public double[] Value { get; }
    public double[] Gradient { get; }
    public double[] FirstMoment { get; }
    public double[] SecondMoment { get; }
    public DenseMatrix Matrix { get; }
    public DenseMatrix GradientMatrix { get; }
    public int Length => Value.Length;

    public void FillUniform(Random rng, double limit)
    {
        for (var k = 0; k < Value.Length; k++) Value[k] = (2.0 * rng.NextDouble() - 1.0) * limit;
    }
}
