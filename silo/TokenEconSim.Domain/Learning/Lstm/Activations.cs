namespace TokenEconSim.Domain.Learning.Lstm;

/// <summary>The gate non-linearities and their derivatives written in terms of the output.</summary>
internal static class Activations
{
    /// <summary>Logistic sigmoid, split by sign so exp never overflows.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
        var e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>σ'(x) = σ(x)(1 − σ(x)), from the sigmoid's output s.</summary>
    public static double SigmoidDerivative(double s) => s * (1.0 - s);

    /// <summary>tanh'(x) = 1 − tanh²(x), from tanh's output t.</summary>
    public static double TanhDerivative(double t) => 1.0 - t * t;
}
