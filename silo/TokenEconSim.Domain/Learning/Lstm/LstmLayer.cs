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
/// buffer is allocated once; matrices are column-major arrays and a column is one time step
/// (products in <see cref="DenseProducts"/>).
/// </summary>
internal sealed class LstmLayer
{
    private readonly int _h, _d, _t;
    private readonly double[] _zx, _gates, _cells, _tanhCells, _hPrev, _dz, _tmpW, _tmpU, _z, _dhNext, _dcNext;

    /// <param name="input">D×T window this layer reads (bound, not copied: the layer below's output).</param>
    /// <param name="inputGradient">Where ∂L/∂x goes (the layer below's <see cref="OutputGradient"/>); null for the first layer.</param>
    public LstmLayer(string name, double[] input, int inputSize, double[]? inputGradient, int hidden)
    {
        (_h, _d, _t) = (hidden, inputSize, input.Length / inputSize);
        Input = input;
        W = new ParameterBlock(name + ".W", 4 * hidden, inputSize);
        U = new ParameterBlock(name + ".U", 4 * hidden, hidden);
        B = new ParameterBlock(name + ".b", 4 * hidden, 1);
        (_zx, _gates, _dz) = (new double[4 * hidden * _t], new double[4 * hidden * _t], new double[4 * hidden * _t]);
        (_cells, _tanhCells, _hPrev) = (new double[hidden * _t], new double[hidden * _t], new double[hidden * _t]);
        Output = new double[hidden * _t];
        OutputGradient = new double[hidden * _t];
        InputGradient = inputGradient ?? new double[inputSize * _t];
        (_tmpW, _tmpU) = (new double[4 * hidden * inputSize], new double[4 * hidden * hidden]);
        _z = new double[4 * hidden];
        (_dhNext, _dcNext) = (new double[hidden], new double[hidden]);
    }

    public ParameterBlock W { get; }
    public ParameterBlock U { get; }
    public ParameterBlock B { get; }
    public double[] Input { get; }

    /// <summary>H×T hidden states h_0 … h_{T−1}.</summary>
    public double[] Output { get; }

    /// <summary>H×T ∂L/∂h_t arriving from above (head or next layer); the caller fills it.</summary>
    public double[] OutputGradient { get; }

    /// <summary>D×T ∂L/∂x_t, filled by <see cref="Backward"/> when asked (bound to the layer below's output gradient).</summary>
    public double[] InputGradient { get; }

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
        DenseProducts.Multiply(W.Value, 4 * _h, Input, _d, _zx);
        for (var t = 0; t < _t; t++) Step(t);
    }

    private void Step(int t)
    {
        var (h, zx, gates, cells, tanhCells, hPrev, output) = (_h, _zx, _gates, _cells, _tanhCells, _hPrev, Output);
        if (t == 0) Array.Clear(hPrev, 0, h);
        else Array.Copy(output, (t - 1) * h, hPrev, t * h, h);
        DenseProducts.Multiply(U.Value, 4 * h, hPrev.AsSpan(t * h, h), _z);
        var (z, b) = (_z, B.Value);
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
        var rows = 4 * _h;
        Array.Clear(_dhNext);
        Array.Clear(_dcNext);
        for (var t = _t - 1; t >= 0; t--)
        {
            GateGradients(t);
            DenseProducts.TransposeMultiply(U.Value, rows, _dz.AsSpan(t * rows, rows), _dhNext);
        }
        // Σ_t dz_t x_tᵀ, Σ_t dz_t h_{t−1}ᵀ and Σ_t dz_t over the whole window, each summed on its own and then
        // added to the gradient (a sum of the window, not a running total, as the batch loop expects).
        DenseProducts.MultiplyTransposed(_dz, rows, Input, _d, _tmpW);
        AddTo(W.Gradient, _tmpW);
        DenseProducts.MultiplyTransposed(_dz, rows, _hPrev, _h, _tmpU);
        AddTo(U.Gradient, _tmpU);
        var gb = B.Gradient;
        for (var j = 0; j < rows; j++)
        {
            var sum = 0.0; // dz times a column of ones, summed over t as a product would
            for (var t = 0; t < _t; t++) sum += _dz[t * rows + j];
            gb[j] += sum;
        }
        if (wantInputGradient) DenseProducts.TransposeMultiplyColumns(W.Value, rows, _dz, InputGradient);
    }

    private static void AddTo(double[] total, double[] part)
    {
        for (var k = 0; k < total.Length; k++) total[k] += part[k];
    }

    /// <summary>∂L/∂(gate pre-activations) at step t; carries ∂L/∂c back to t−1 through f.</summary>
    private void GateGradients(int t)
    {
        var (h, gates, cells, tanhCells, dz, dOut, dhNext) = (_h, _gates, _cells, _tanhCells, _dz, OutputGradient, _dhNext);
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
