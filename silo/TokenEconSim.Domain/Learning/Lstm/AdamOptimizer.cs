namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>
/// Adam with bias correction (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015,
/// Algorithm 1), preceded by global-norm gradient clipping (Pascanu, Mikolov &amp; Bengio, "On the
/// difficulty of training recurrent neural networks", ICML 2013): one norm over every block, so the
/// update direction is kept and only its length is capped.
/// </summary>
internal static class AdamOptimizer
{
    public static void Step(ParameterBlock[] blocks, LstmConfig config, long step)
    {
        var scale = ClipScale(blocks, config.GradientClip);
        var correction1 = 1.0 - Math.Pow(config.Beta1, step);
        var correction2 = 1.0 - Math.Pow(config.Beta2, step);
        foreach (var block in blocks) Update(block, config, scale, correction1, correction2);
    }

    private static double ClipScale(ParameterBlock[] blocks, double maxNorm)
    {
        var sumSquares = 0.0;
        foreach (var block in blocks)
            foreach (var g in block.Gradient) sumSquares += g * g;
        var norm = Math.Sqrt(sumSquares);
        return norm > maxNorm ? maxNorm / norm : 1.0;
    }

    private static void Update(ParameterBlock block, LstmConfig c, double scale, double correction1, double correction2)
    {
        var (w, g, m, v) = (block.Value, block.Gradient, block.FirstMoment, block.SecondMoment);
        for (var k = 0; k < w.Length; k++)
        {
            var gk = g[k] * scale;
            m[k] = c.Beta1 * m[k] + (1.0 - c.Beta1) * gk;
            v[k] = c.Beta2 * v[k] + (1.0 - c.Beta2) * gk * gk;
            var mHat = m[k] / correction1;
            var vHat = v[k] / correction2;
            w[k] -= c.LearningRate * mHat / (Math.Sqrt(vHat) + c.Epsilon);
        }
    }
}
