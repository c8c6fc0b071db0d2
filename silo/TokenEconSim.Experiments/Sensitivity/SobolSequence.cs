namespace TokenEconSim.Experiments.Sensitivity;

/// <summary>
/// The Sobol' sequence in base 2 (Sobol' 1967), points in Gray-code order (Antonov and Saleev 1979; Bratley and Fox 1988,
/// Algorithm 659), with the direction numbers of Joe and Kuo, "Constructing Sobol sequences with better two-dimensional
/// projections", SIAM J. Sci. Comput. 30 (2008), table new-joe-kuo-6.21201: the same points as scipy.stats.qmc.Sobol(scramble=False)
/// and SALib. Written by hand because no .NET library here generates it. The first point (all zeros) is skipped, as Saltelli
/// designs do, so point 0 is (½, …, ½).
/// </summary>
public sealed class SobolSequence
{
    /// <summary>Bits per coordinate: 2³² points at most.</summary>
    private const int Bits = 32;

    private readonly uint[][] _directions;
    private readonly uint[] _state;
    private uint _index;

    /// <param name="dimensions">1 … <see cref="MaxDimensions"/>.</param>
    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        _directions = [.. Enumerable.Range(0, dimensions).Select(DirectionsOf)];
        _state = new uint[dimensions];
        Next(new double[dimensions]); // the all-zero point
    }

    /// <summary>The dimensions the embedded direction numbers cover (the first row of the table is dimension 2).</summary>
    public static int MaxDimensions => Polynomials.Length + 1;

    public int Dimensions => _state.Length;

    /// <summary>Writes the next point, each coordinate in [0, 1), into <paramref name="point"/>.</summary>
    public void Next(Span<double> point)
    {
        if (point.Length != _state.Length) throw new ArgumentException($"expected {_state.Length} coordinates, got {point.Length}");
        // Gray-code order: point i+1 differs from point i by the direction number of the lowest zero bit of i.
        var bit = _index == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(~(_index - 1));
        for (var d = 0; d < _state.Length; d++)
        {
            if (_index > 0) _state[d] ^= _directions[d][bit];
            point[d] = _state[d] / 4294967296.0;
        }
        _index = checked(_index + 1);
    }

    /// <summary>Direction numbers v_1 … v_32 of one dimension, scaled to 32 bits (Bratley and Fox's recurrence).</summary>
    private static uint[] DirectionsOf(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (var k = 0; k < Bits; k++) v[k] = 1u << (Bits - 1 - k); // the van der Corput sequence
            return v;
        }
        var (degree, coefficients, initial) = Polynomials[dimension - 1];
        for (var k = 0; k < degree && k < Bits; k++) v[k] = (uint)initial[k] << (Bits - 1 - k);
        for (var k = degree; k < Bits; k++)
        {
            v[k] = v[k - degree] ^ (v[k - degree] >> degree);
            for (var j = 1; j < degree; j++)
                if (((coefficients >> (degree - 1 - j)) & 1) == 1) v[k] ^= v[k - j];
        }
        return v;
    }

    /// <summary>Joe and Kuo's rows for dimensions 2 … 40: degree s of the primitive polynomial, its coefficients a (the s − 1 inner
    /// bits) and the initial direction numbers m_1 … m_s.</summary>
    private static readonly (int Degree, int Coefficients, int[] Initial)[] Polynomials =
    [
        (1, 0, [1]),
        (2, 1, [1, 3]),
        (3, 1, [1, 3, 1]),
        (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]),
        (5, 4, [1, 1, 5, 5, 5]),
        (5, 7, [1, 1, 7, 11, 19]),
        (5, 11, [1, 1, 5, 1, 1]),
        (5, 13, [1, 1, 1, 3, 11]),
        (5, 14, [1, 3, 5, 5, 31]),
        (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]),
        (6, 16, [1, 3, 1, 13, 27, 49]),
        (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]),
        (6, 25, [1, 1, 5, 5, 19, 61]),
        (7, 1, [1, 3, 7, 11, 23, 15, 103]),
        (7, 4, [1, 3, 7, 13, 13, 15, 69]),
        (7, 7, [1, 1, 3, 13, 7, 35, 63]),
        (7, 8, [1, 3, 5, 9, 1, 25, 53]),
        (7, 14, [1, 3, 1, 13, 9, 35, 107]),
        (7, 19, [1, 3, 1, 5, 27, 61, 31]),
        (7, 21, [1, 1, 5, 11, 19, 41, 61]),
        (7, 28, [1, 3, 5, 3, 3, 13, 69]),
        (7, 31, [1, 1, 7, 13, 1, 19, 1]),
        (7, 32, [1, 3, 7, 5, 13, 19, 59]),
        (7, 37, [1, 1, 3, 9, 25, 29, 41]),
        (7, 41, [1, 3, 5, 13, 23, 1, 55]),
        (7, 42, [1, 3, 7, 3, 13, 59, 17]),
        (7, 50, [1, 3, 1, 3, 5, 53, 69]),
        (7, 55, [1, 1, 5, 5, 23, 33, 13]),
        (7, 56, [1, 1, 7, 7, 1, 61, 123]),
        (7, 59, [1, 1, 7, 9, 13, 61, 49]),
        (7, 62, [1, 3, 3, 5, 3, 55, 33]),
        (8, 14, [1, 3, 1, 15, 31, 13, 49, 245]),
        (8, 21, [1, 3, 5, 15, 31, 59, 63, 97]),
        (8, 22, [1, 3, 1, 11, 11, 11, 77, 249]),
    ];
}
