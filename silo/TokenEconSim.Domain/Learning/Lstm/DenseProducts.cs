using System.Numerics;
using System.Runtime.InteropServices;

namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// The matrix products of the LSTM on column-major arrays (element (r, c) of an R-row matrix at c·R + r),
/// written into caller-owned buffers so a prediction or a training step allocates nothing.
/// </summary>
/// <remarks>
/// Written by hand because MathNet.Numerics 5.0.0's managed provider, the only one that runs here, allocates
/// in every product even with a result argument (a copy of each column of the right operand and a row buffer),
/// and its in-place element-wise operations do not cover products. Each product gives exactly the doubles
/// MathNet gave, so a run's outputs did not move: that provider computes every element as a plain dot
/// product, <c>sum = 0; for k ascending: sum += a_ik·b_kj</c>, then stores <c>0 + 1.0·sum</c> (which is
/// <c>sum</c>). Here every element is accumulated the same way, from +0.0, one product at a time, k ascending;
/// only which elements are advanced together differs. The loops that run down a column advance several
/// elements at once with <see cref="Vector{T}"/>: a vector multiply and a vector add round each lane exactly
/// as the scalar multiply and add do (no fused multiply–add), so the lanes hold the scalar sums.
/// </remarks>
internal static class DenseProducts
{
    /// <summary>y = A·x for a rows×columns A.</summary>
    public static void Multiply(ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> x, Span<double> y)
    {
        y[..rows].Clear();
        for (var k = 0; k < x.Length; k++) AddScaled(a.Slice(k * rows, rows), x[k], y[..rows]);
    }

    /// <summary>C = A·B for a rows×inner A and an inner×columns B (columns = C.Length / rows).</summary>
    public static void Multiply(ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> b, int inner, Span<double> c)
    {
        for (var j = 0; j < c.Length / rows; j++) Multiply(a, rows, b.Slice(j * inner, inner), c.Slice(j * rows, rows));
    }

    /// <summary>C = A·Bᵀ for a rows×n A and a columns×n B (C is rows×columns).</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> b, int columns, Span<double> c)
    {
        c.Clear();
        var n = a.Length / rows;
        for (var t = 0; t < n; t++)
        {
            var aColumn = a.Slice(t * rows, rows);
            for (var j = 0; j < columns; j++) AddScaled(aColumn, b[t * columns + j], c.Slice(j * rows, rows));
        }
    }

    /// <summary>y = Aᵀ·x for a rows×columns A (y has columns elements).</summary>
    public static void TransposeMultiply(ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> x, Span<double> y)
    {
        var columns = y.Length;
        var k = 0;
        // Four dot products side by side: four independent sums, each still in ascending order.
        for (; k + 4 <= columns; k += 4)
        {
            var c0 = a.Slice(k * rows, rows);
            var c1 = a.Slice((k + 1) * rows, rows);
            var c2 = a.Slice((k + 2) * rows, rows);
            var c3 = a.Slice((k + 3) * rows, rows);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (var r = 0; r < rows; r++)
            {
                var v = x[r];
                s0 += c0[r] * v;
                s1 += c1[r] * v;
                s2 += c2[r] * v;
                s3 += c3[r] * v;
            }
            (y[k], y[k + 1], y[k + 2], y[k + 3]) = (s0, s1, s2, s3);
        }
        for (; k < columns; k++)
        {
            var column = a.Slice(k * rows, rows);
            double s = 0;
            for (var r = 0; r < rows; r++) s += column[r] * x[r];
            y[k] = s;
        }
    }

    /// <summary>C = Aᵀ·B for a rows×columns A and a rows×n B (C is columns×n).</summary>
    public static void TransposeMultiplyColumns(ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> b, Span<double> c)
    {
        var columns = a.Length / rows;
        for (var j = 0; j < b.Length / rows; j++) TransposeMultiply(a, rows, b.Slice(j * rows, rows), c.Slice(j * columns, columns));
    }

    /// <summary>y += s·x element by element, a multiply then an add per element (never fused).</summary>
    private static void AddScaled(ReadOnlySpan<double> x, double s, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
            var ys = MemoryMarshal.Cast<double, Vector<double>>(y);
            var scale = new Vector<double>(s);
            for (var v = 0; v < xs.Length; v++) ys[v] += xs[v] * scale;
            i = xs.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) y[i] += x[i] * s;
    }
}
