using MathNet.Numerics.LinearAlgebra.Double;

namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// One LSTM layer unrolled over a fixed window: the cell of Hochreiter &amp; Schmidhuber (1997) with the
/// forget gate of Gers, Schmidhuber &amp; Cummins (2000), no peepholes, gate equations as in Graves,
/// "Generating Sequences With Recurrent Neural Networks" (2013, eqs. 7–11 without the c-terms):
/// <code>
/// i = σ(W_i x_t + U_i h_{t−1} + b_i)    f = σ(W_f x_t + U_f h_{t−1} + b_f)
/// g = tanh(W_g x_t + U_g h_{t−1} + b_g)  o = σ(W_o x_t + U_o h_{t−1} + b_o)
/// c_t = f ⊙ c_{t−1} + i ⊙ g              h_t = o ⊙ tanh(c_t),   h_{−1} = c_{−1} = 0
/// </code>
/// The four gates are stacked in one 4H-row matrix in the order i, f, g, o. Every per-window
/// buffer is allocated once; a matrix column is one time step (MathNet storage is column-major).
/// </summary>
internal sealed class LstmLayer
{
    private readonly int _h, _t;
    private readonly DenseMatrix _zx, _gates, _cells, _tanhCells, _hPrev, _dz, _tmpW, _tmpU;
    private readonly DenseVector _z, _hPrevVec, _dzVec, _dhNext, _tmpB, _ones;
    private readonly double[] _dcNext;

    /// <param name="input">D×T window this layer reads (bound, not copied: the layer below's output).</param>
    /// <param name="inputGradient">Where ∂L/∂x goes (the layer below's <see cref="OutputGradient"/>); null for the first layer.</param>
    public LstmLayer(string name, DenseMatrix input, DenseMatrix? inputGradient, int hidden)
    {
        (_h, _t) = (hidden, input.ColumnCount);
        var d = input.RowCount;
        Input = input;
        W = new ParameterBlock(name + ".W", 4 * hidden, d);
        U = new ParameterBlock(name + ".U", 4 * hidden, hidden);
        B = new ParameterBlock(name + ".b", 4 * hidden, 1);
        (_zx, _gates, _dz) = (new DenseMatrix(4 * hidden, _t), new DenseMatrix(4 * hidden, _t), new DenseMatrix(4 * hidden, _t));
        (_cells, _tanhCells, _hPrev) = (new DenseMatrix(hidden, _t), new DenseMatrix(hidden, _t), new DenseMatrix(hidden, _t));
        Output = new DenseMatrix(hidden, _t);
        OutputGradient = new DenseMatrix(hidden, _t);
        InputGradient = inputGradient ?? new DenseMatrix(d, _t);
        (_tmpW, _tmpU) = (new DenseMatrix(4 * hidden, d), new DenseMatrix(4 * hidden, hidden));
        (_z, _dzVec, _tmpB) = (new DenseVector(4 * hidden), new DenseVector(4 * hidden), new DenseVector(4 * hidden));
        (_hPrevVec, _dhNext) = (new DenseVector(hidden), new DenseVector(hidden));
        _ones = DenseVector.Create(_t, 1.0);
        _dcNext = new double[hidden];
    }

    public ParameterBlock W { get; }
    public ParameterBlock U { get; }
    public ParameterBlock B { get; }
    public DenseMatrix Input { get; }

    /// <summary>H×T hidden states h_0 … h_{T−1}.</summary>
    public DenseMatrix Output { get; }

    /// <summary>H×T ∂L/∂h_t arriving from above (head or next layer); the caller fills it.</summary>
    public DenseMatrix OutputGradient { get; }

    /// <summary>D×T ∂L/∂x_t, filled by <see cref="Backward"/> when asked (bound to the layer below's output gradient).</summary>
    public DenseMatrix InputGradient { get; }

    /// <summary>Uniform ±1/√H for every weight and bias, then forget-gate bias 1 (Gers et al. 2000; Jozefowicz et al. 2015).</summary>
    public void Initialise(Random rng)
    {
        var limit = 1.0 / Math.Sqrt(_h);
        W.FillUniform(rng, limit);
        U.FillUniform(rng, limit);
        B.FillUniform(rng, limit);
        Array.Fill(B.Value, 1.0, _h, _h);
    }

    public void Forward()
    {
        // W·x_t for every t in one product; only U·h_{t−1} must wait for the previous step.
        W.Matrix.Multiply(Input, _zx);
        for (var t = 0; t < _t; t++) Step(t);
    }

    private void Step(int t)
    {
        var (h, zx, gates, cells, tanhCells, hPrev, output) =
            (_h, _zx.Values, _gates.Values, _cells.Values, _tanhCells.Values, _hPrev.Values, Output.Values);
        if (t == 0) Array.Clear(hPrev, 0, h);
        else Array.Copy(output, (t - 1) * h, hPrev, t * h, h);
        Array.Copy(hPrev, t * h, _hPrevVec.Values, 0, h);
        U.Matrix.Multiply(_hPrevVec, _z);
        var (z, b) = (_z.Values, B.Value);
        int g4 = t * 4 * h, g1 = t * h;
        for (var j = 0; j < 4 * h; j++)
        {
            var a = zx[g4 + j] + z[j] + b[j];
            gates[g4 + j] = j >= 2 * h && j < 3 * h ? Math.Tanh(a) : Activations.Sigmoid(a);
        }
        for (var j = 0; j < h; j++)
        {
            var cPrev = t == 0 ? 0.0 : cells[g1 - h + j];
            var c = gates[g4 + h + j] * cPrev + gates[g4 + j] * gates[g4 + 2 * h + j];
            cells[g1 + j] = c;
            tanhCells[g1 + j] = Math.Tanh(c);
            output[g1 + j] = gates[g4 + 3 * h + j] * tanhCells[g1 + j];
        }
    }

    /// <summary>
    /// Back-propagation through time over the full window: accumulates ∂L/∂W, ∂L/∂U, ∂L/∂b into the
    /// blocks' gradients from <see cref="OutputGradient"/>, and fills <see cref="InputGradient"/> if asked.
    /// </summary>
    public void Backward(bool wantInputGradient)
    {
        _dhNext.Clear();
        Array.Clear(_dcNext);
        for (var t = _t - 1; t >= 0; t--)
        {
            GateGradients(t);
            Array.Copy(_dz.Values, t * 4 * _h, _dzVec.Values, 0, 4 * _h);
            U.Matrix.TransposeThisAndMultiply(_dzVec, _dhNext);
        }
        // Σ_t dz_t x_tᵀ, Σ_t dz_t h_{t−1}ᵀ and Σ_t dz_t as three products over the whole window.
        _dz.TransposeAndMultiply(Input, _tmpW);
        W.GradientMatrix.Add(_tmpW, W.GradientMatrix);
        _dz.TransposeAndMultiply(_hPrev, _tmpU);
        U.GradientMatrix.Add(_tmpU, U.GradientMatrix);
        _dz.Multiply(_ones, _tmpB);
        var gb = B.Gradient;
        for (var j = 0; j < gb.Length; j++) gb[j] += _tmpB[j];
        if (wantInputGradient) W.Matrix.TransposeThisAndMultiply(_dz, InputGradient);
    }

    /// <summary>∂L/∂(gate pre-activations) at step t; carries ∂L/∂c back to t−1 through f.</summary>
    private void GateGradients(int t)
    {
        var (h, gates, cells, tanhCells, dz, dOut, dhNext) =
            (_h, _gates.Values, _cells.Values, _tanhCells.Values, _dz.Values, OutputGradient.Values, _dhNext.Values);
        int g4 = t * 4 * h, g1 = t * h;
        for (var j = 0; j < h; j++)
        {
            var (i, f, g, o) = (gates[g4 + j], gates[g4 + h + j], gates[g4 + 2 * h + j], gates[g4 + 3 * h + j]);
            var dh = dOut[g1 + j] + dhNext[j];
            var tc = tanhCells[g1 + j];
            var dc = _dcNext[j] + dh * o * Activations.TanhDerivative(tc);
            var cPrev = t == 0 ? 0.0 : cells[g1 - h + j];
            dz[g4 + j] = dc * g * Activations.SigmoidDerivative(i);
            dz[g4 + h + j] = dc * cPrev * Activations.SigmoidDerivative(f);
            dz[g4 + 2 * h + j] = dc * i * Activations.TanhDerivative(g);
            dz[g4 + 3 * h + j] = dh * tc * Activations.SigmoidDerivative(o);
            _dcNext[j] = dc * f;
        }
    }
}
