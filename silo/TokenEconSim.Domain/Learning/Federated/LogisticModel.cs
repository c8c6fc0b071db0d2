namespace TokenEconSim.Domain.Learning.Federated;

/// <summary>Validation log-loss (nats per sample) and accuracy (fraction correct) of a model.</summary>
public readonly record struct ModelScore(double Loss, double Accuracy);

/// <summary>
/// Logistic regression p(y = 1 | x) = σ(w·x + b), weights w then bias b in one array. Sums run in
/// sample order in plain loops, so an evaluation is the same bits wherever it runs.
/// </summary>
public static class LogisticModel
{
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>−log σ(z) for y = 1, −log(1 − σ(z)) for y = 0, without overflow: log(1 + e^(−|z|)) + max(∓z, 0).</summary>
    public static double LogLoss(double z, double y)
    {
        var softplus = Math.Log(1 + Math.Exp(-Math.Abs(z)));
        return softplus + (y > 0.5 ? Math.Max(-z, 0) : Math.Max(z, 0));
    }

    public static double Logit(ReadOnlySpan<double> weights, ReadOnlySpan<double> x)
    {
        var z = weights[^1];
        for (var k = 0; k < x.Length; k++) z += weights[k] * x[k];
        return z;
    }

    /// <summary>Mean log-loss and accuracy (predict 1 when z ≥ 0) on the validation set.</summary>
    public static ModelScore Evaluate(ReadOnlySpan<double> weights, ValidationSet set)
    {
        var d = set.Dimensions;
        var loss = 0.0;
        var correct = 0;
        for (var i = 0; i < set.Count; i++)
        {
            var z = Logit(weights, set.Features.AsSpan(i * d, d));
            var y = set.Labels[i];
            loss += LogLoss(z, y);
            if ((z >= 0) == (y > 0.5)) correct++;
        }
        return new ModelScore(loss / set.Count, correct / (double)set.Count);
    }

    /// <summary><see cref="Evaluate"/>'s accuracy alone (the same logits, no log-loss): what a leave-one-out gain needs.</summary>
    public static double Accuracy(ReadOnlySpan<double> weights, ValidationSet set)
    {
        var d = set.Dimensions;
        var correct = 0;
        for (var i = 0; i < set.Count; i++)
            if ((Logit(weights, set.Features.AsSpan(i * d, d)) >= 0) == (set.Labels[i] > 0.5)) correct++;
        return correct / (double)set.Count;
    }
}
