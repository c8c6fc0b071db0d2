namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>The linear read-out ŷ = w·h_{T−1} + b on the top layer's last hidden state.</summary>
internal sealed class DenseHead
{
    public DenseHead(int hidden)
    {
        Weights = new ParameterBlock("head.w", 1, hidden);
        Bias = new ParameterBlock("head.b", 1, 1);
    }

    public ParameterBlock Weights { get; }
    public ParameterBlock Bias { get; }

    public void Initialise(Random rng)
    {
        Weights.FillUniform(rng, 1.0 / Math.Sqrt(Weights.Length));
        Bias.Value[0] = 0.0;
    }

    /// <param name="hidden">Hidden states, H per step, column-major; the last H values are read.</param>
    public double Forward(double[] hidden)
    {
        var w = Weights.Value;
        var offset = hidden.Length - w.Length;
        var y = Bias.Value[0];
        for (var j = 0; j < w.Length; j++) y += w[j] * hidden[offset + j];
        return y;
    }

    /// <summary>Accumulates ∂L/∂w, ∂L/∂b and writes ∂L/∂h_{T−1} (all other steps get 0).</summary>
    public void Backward(double dy, double[] hidden, double[] hiddenGradient)
    {
        var (w, gw) = (Weights.Value, Weights.Gradient);
        var offset = hidden.Length - w.Length;
        Array.Clear(hiddenGradient);
        for (var j = 0; j < w.Length; j++)
        {
            gw[j] += dy * hidden[offset + j];
            hiddenGradient[offset + j] = dy * w[j];
        }
        Bias.Gradient[0] += dy;
    }
}
