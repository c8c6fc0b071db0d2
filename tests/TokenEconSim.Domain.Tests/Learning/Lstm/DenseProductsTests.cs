using MathNet.Numerics.LinearAlgebra.Double;
using TokenEconSim.Domain.Learning.Lstm;
using TokenEconSim.Domain.Randomness;

namespace TokenEconSim.Domain.Tests.Learning.Lstm;

// The hand-written products must give the very doubles MathNet's managed provider gives (the LSTM used it
// before, and runs must not move): compared bit for bit, on sizes with and without a vector-width remainder.
public class DenseProductsTests
{
    public static TheoryData<int, int, int> Shapes => new() { { 128, 32, 12 }, { 13, 7, 5 }, { 4, 1, 24 }, { 3, 6, 1 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatrixTimesMatrixMatchesMathNetBitForBit(int rows, int inner, int columns)
    {
        var (a, b) = (Random(rows, inner, 1), Random(inner, columns, 2));
        AssertSameProduct(rows, columns, c => a.Multiply(b, c), c => DenseProducts.Multiply(a.Values, rows, b.Values, inner, c));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatrixTimesTransposeMatchesMathNetBitForBit(int rows, int inner, int columns)
    {
        var (a, b) = (Random(rows, inner, 3), Random(columns, inner, 4));
        AssertSameProduct(rows, columns, c => a.TransposeAndMultiply(b, c),
            c => DenseProducts.MultiplyTransposed(a.Values, rows, b.Values, columns, c));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TransposeTimesMatrixAndVectorMatchMathNetBitForBit(int rows, int inner, int columns)
    {
        var (a, b) = (Random(rows, inner, 5), Random(rows, columns, 6));
        AssertSameProduct(inner, columns, c => a.TransposeThisAndMultiply(b, c),
            c => DenseProducts.TransposeMultiplyColumns(a.Values, rows, b.Values, c));

        var x = DenseVector.OfArray(b.Values[..rows]);
        var expectedVector = new DenseVector(inner);
        a.TransposeThisAndMultiply(x, expectedVector);
        var actualVector = new double[inner];
        DenseProducts.TransposeMultiply(a.Values, rows, x.Values, actualVector);
        AssertBitwiseEqual(expectedVector.Values, actualVector);
    }

    [Fact]
    public void MatrixTimesVectorOverwritesWhatTheBufferHeld()
    {
        var a = Random(9, 4, 7);
        var x = DenseVector.OfArray(Random(4, 1, 8).Values);
        var expected = new DenseVector(9);
        a.Multiply(x, expected);
        var actual = Enumerable.Repeat(123.0, 9).ToArray();
        DenseProducts.Multiply(a.Values, 9, x.Values, actual);
        AssertBitwiseEqual(expected.Values, actual);
    }

    /// <summary>Entries spread over several magnitudes and both signs, so the order of summation shows in the last bits.</summary>
    private static DenseMatrix Random(int rows, int columns, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var values = new double[rows * columns];
        for (var k = 0; k < values.Length; k++) values[k] = (2 * rng.NextDouble() - 1) * Math.Pow(10, 6 * rng.NextDouble() - 3);
        return new DenseMatrix(rows, columns, values);
    }

    private static void AssertSameProduct(int rows, int columns, Action<DenseMatrix> mathNet, Action<double[]> handLoop)
    {
        var expected = new DenseMatrix(rows, columns);
        mathNet(expected);
        var actual = new double[rows * columns];
        handLoop(actual);
        AssertBitwiseEqual(expected.Values, actual);
    }

    private static void AssertBitwiseEqual(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(actual[k]),
                $"element {k}: MathNet {expected[k]:R}, hand loop {actual[k]:R}");
    }
}
