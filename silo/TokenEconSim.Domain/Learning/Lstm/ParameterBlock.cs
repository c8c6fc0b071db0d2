namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// One trainable tensor (a weight matrix, a bias or the head) with its gradient and Adam moments.
/// Flat arrays: a matrix is column-major (element (r, c) at c·rows + r), as <see cref="DenseProducts"/> reads it.
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
    }

    public string Name { get; }
    public double[] Value { get; }
    public double[] Gradient { get; }
    public double[] FirstMoment { get; }
    public double[] SecondMoment { get; }
    public int Length => Value.Length;

    public void FillUniform(Random rng, double limit)
    {
        for (var k = 0; k < Value.Length; k++) Value[k] = (2.0 * rng.NextDouble() - 1.0) * limit;
    }
}
